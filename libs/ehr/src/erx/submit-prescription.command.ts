import { Command } from '@nestjs/cqrs';

export class SubmitPrescriptionCommand extends Command<void> {
  constructor(
    readonly prescriptionId: string,
    readonly orderUuid?: string,
  ) {
    super();
  }
}

/** Given up on: the network refused it, or the last retry failed. */
export class RecordTransmissionFailureCommand extends Command<void> {
  constructor(
    readonly prescriptionId: string,
    readonly reason: string,
  ) {
    super();
  }
}
