import { Logger, NotFoundException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requeueRetried, UnitOfWork } from '@pharmacy/platform';
import type { RetryView } from '@pharmacy/platform';
import { EhrRepository } from '../ehr.repository';
import { ErxSubmissions } from '../erx/erx-submissions';
import { RetryTransmissionCommand } from './retry-transmission.command';

/**
 * Idempotent: the state change happens once (the audit log records it, with the request's
 * correlation id); a repeat finds the prescription pending, or transmitted, and changes nothing.
 * The job is put back after the commit; if Redis is away then, the reconciler puts it back later.
 */
@CommandHandler(RetryTransmissionCommand)
export class RetryTransmissionHandler implements ICommandHandler<RetryTransmissionCommand> {
  private readonly logger = new Logger('EHR');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly ehr: EhrRepository,
    private readonly submissions: ErxSubmissions,
  ) {}

  async execute({ prescriptionId, operatorId }: RetryTransmissionCommand): Promise<RetryView> {
    const { status, retried } = await this.unitOfWork.run(async () => {
      const prescription = await this.ehr.findPrescriptionForUpdate(prescriptionId);
      if (!prescription)
        throw new NotFoundException(`No prescription has the id ${prescriptionId}.`);
      const changed = prescription.retryTransmission();
      if (changed) {
        await this.ehr.savePrescriptionStatus(prescription);
        await this.unitOfWork.afterCommit(() =>
          this.logger.warn(
            { prescriptionId, operatorId },
            `Operator ${operatorId} retried the transmission of prescription ${prescriptionId}`,
          ),
        );
      }
      return { status: prescription.status, retried: changed };
    });
    if (status !== 'pending_transmission')
      return { id: prescriptionId, status, retried, job: 'none' };
    const job = await requeueRetried((options) => this.submissions.ensure(prescriptionId, options));
    return { id: prescriptionId, status, retried, job };
  }
}
