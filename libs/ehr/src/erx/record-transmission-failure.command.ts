import { Command } from '@nestjs/cqrs';

/** Given up on: the network refused it, or the last retry failed. `detail` is for operators. */
export class RecordTransmissionFailureCommand extends Command<void> {
  constructor(
    readonly prescriptionId: string,
    readonly detail: string,
  ) {
    super();
  }
}
