import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PrescriptionTransmittedEvent } from '@pharmacy/contracts';
import { EventBus, Publishes, UnitOfWork } from '@pharmacy/platform';
import { EhrRepository } from '../ehr.repository';
import { ErxNetworkClient } from './erx-network.client';
import { SubmitPrescriptionCommand } from './submit-prescription.command';

/**
 * Sends a prescription to the eRx network outside any transaction; the idempotency key makes a
 * retry after a crash return the first reference rather than prescribe twice.
 */
@Publishes(PrescriptionTransmittedEvent)
@CommandHandler(SubmitPrescriptionCommand)
export class SubmitPrescriptionHandler implements ICommandHandler<SubmitPrescriptionCommand> {
  private readonly logger = new Logger('EHR');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly ehr: EhrRepository,
    private readonly network: ErxNetworkClient,
    private readonly events: EventBus,
  ) {}

  async execute({ prescriptionId, orderUuid }: SubmitPrescriptionCommand): Promise<void> {
    const prescription = await this.ehr.findPrescription(prescriptionId);
    if (!prescription) throw new Error(`Prescription ${prescriptionId} does not exist`);
    if (prescription.status !== 'pending_transmission') return;

    const { patientId, productId, sig, refills } = prescription;
    const { erxReference } = await this.network.submit({
      prescriptionId,
      patientId,
      productId,
      sig,
      refills,
    });

    await this.unitOfWork.run(async () => {
      const locked = await this.ehr.findPrescriptionForUpdate(prescriptionId);
      if (!locked?.markTransmitted(erxReference)) return; // a concurrent run recorded it first
      await this.ehr.savePrescriptionStatus(locked);
      await this.unitOfWork.afterCommit(() =>
        this.logTransmitted(prescriptionId, erxReference, orderUuid),
      );
      await this.events.publish(new PrescriptionTransmittedEvent({ prescriptionId, erxReference }));
    });
  }

  private logTransmitted(prescriptionId: string, erxReference: string, orderUuid?: string): void {
    this.logger.log(
      { prescriptionId, erxReference, orderUuid },
      `Prescription ${prescriptionId} sent to eRx as ${erxReference}`,
    );
  }
}
