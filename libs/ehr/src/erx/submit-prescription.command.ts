import { Command } from '@nestjs/cqrs';

export class SubmitPrescriptionCommand extends Command<void> {
  constructor(
    readonly prescriptionId: string,
    readonly orderUuid?: string,
  ) {
    super();
  }
}
