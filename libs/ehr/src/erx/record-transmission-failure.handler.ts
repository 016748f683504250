import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PrescriptionTransmissionFailedEvent } from '@pharmacy/contracts';
import { EventBus, Publishes, UnitOfWork } from '@pharmacy/platform';
import { EhrRepository } from '../ehr.repository';
import { RecordTransmissionFailureCommand } from './record-transmission-failure.command';

@Publishes(PrescriptionTransmissionFailedEvent)
@CommandHandler(RecordTransmissionFailureCommand)
export class RecordTransmissionFailureHandler implements ICommandHandler<RecordTransmissionFailureCommand> {
  private readonly logger = new Logger('EHR');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly ehr: EhrRepository,
    private readonly events: EventBus,
  ) {}

  execute({ prescriptionId, detail }: RecordTransmissionFailureCommand): Promise<void> {
    return this.unitOfWork.run(async () => {
      const prescription = await this.ehr.findPrescriptionForUpdate(prescriptionId);
      if (!prescription?.markTransmissionFailed(detail)) return;
      await this.ehr.savePrescriptionStatus(prescription);
      await this.events.publish(
        new PrescriptionTransmissionFailedEvent({
          prescriptionId,
          reason: prescription.failureReason ?? detail,
        }),
      );
      // Said only once it is true: after the commit.
      await this.unitOfWork.afterCommit(() =>
        this.logger.warn(
          { prescriptionId, detail },
          `Prescription ${prescriptionId} transmission failed for good: ${detail}`,
        ),
      );
    });
  }
}
