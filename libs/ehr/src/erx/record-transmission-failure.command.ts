import { Command } from '@nestjs/cqrs';

/** Given up on: the network refused it, or the last retry failed. */
export class RecordTransmissionFailureCommand extends Command<void> {
  constructor(
    readonly prescriptionId: string,
    readonly reason: string,
  ) {
    super();
  }
}
