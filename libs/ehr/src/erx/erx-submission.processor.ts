import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  isFinalFailure,
  jobBackoff,
  PartnerAccessDeniedError,
  runInJobTrace,
  runUnderRetryRules,
} from '@pharmacy/platform';
import { Job } from 'bullmq';
import { RecordTransmissionFailureCommand } from './record-transmission-failure.command';
import { ERX_QUEUE, ErxJobData } from './erx-queue';
import { SubmitPrescriptionCommand } from './submit-prescription.command';

/**
 * Delegates to the use case, under the platform's retry rules: a refusal by the network (400,
 * 422) is final at once; an outage, a 409 or a 429 is retried for hours; refused credentials
 * are retried slowly and raise an alarm. However the job fails for good, the prescription is
 * marked `transmission_failed`, for an operator to retry.
 */
@Processor(ERX_QUEUE, { concurrency: 8, settings: { backoffStrategy: jobBackoff } })
export class ErxSubmissionProcessor extends WorkerHost {
  private readonly logger = new Logger('EHR');

  constructor(private readonly commands: CommandBus) {
    super();
  }

  process(job: Job<ErxJobData>, token?: string): Promise<void> {
    const { prescriptionId, orderUuid } = job.data;
    return runInJobTrace(job, () =>
      runUnderRetryRules(job, token, () =>
        this.commands.execute(new SubmitPrescriptionCommand(prescriptionId, orderUuid)),
      ),
    );
  }

  /** An event listener: nobody awaits it, so it must not reject. */
  @OnWorkerEvent('failed')
  async recordFinalFailure(job: Job<ErxJobData> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const { prescriptionId } = job.data;
    if (error instanceof PartnerAccessDeniedError) {
      this.logger.error(
        { alarm: 'partner-access-denied', prescriptionId, jobId: job.id, err: error },
        `ALARM: ${error.message}; prescriptions wait until an operator fixes the credentials`,
      );
    }
    if (!isFinalFailure(job, error)) return;
    try {
      await runInJobTrace(job, () =>
        this.commands.execute(new RecordTransmissionFailureCommand(prescriptionId, error.message)),
      );
    } catch (recordError) {
      // The reconciler finds the prescription still pending with its job failed, and records it.
      this.logger.error(
        { err: recordError, prescriptionId, jobId: job.id },
        `Could not record that prescription ${prescriptionId} failed transmission`,
      );
    }
  }
}
