import { Command } from '@nestjs/cqrs';

/** Given up on: the pharmacy refused the shipment, or the last retry failed. */
export class RecordFulfillmentFailureCommand extends Command<void> {
  constructor(
    readonly orderUuid: string,
    /** The pharmacy's or the last retry's words: for operators only. */
    readonly detail: string,
  ) {
    super();
  }
}
