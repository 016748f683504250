import { Command } from '@nestjs/cqrs';
import type { RetryView } from '@pharmacy/platform';

/** An operator puts a prescription whose transmission failed for good back in line. */
export class RetryTransmissionCommand extends Command<RetryView> {
  constructor(
    readonly prescriptionId: string,
    readonly operatorId: string,
  ) {
    super();
  }
}
