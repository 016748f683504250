import { Command } from '@nestjs/cqrs';
import type { RetryView } from '@pharmacy/platform';

/** An operator puts an order whose fulfillment failed for good back in line. */
export class RetryFulfillmentCommand extends Command<RetryView> {
  constructor(
    readonly orderUuid: string,
    readonly operatorId: string,
  ) {
    super();
  }
}
