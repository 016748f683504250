import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { isFinalFailure, PartnerRejectedError, runInJobTrace } from '@pharmacy/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { RecordTransmissionFailureCommand } from './record-transmission-failure.command';
import { ERX_QUEUE, ErxJobData } from './erx-queue';
import { SubmitPrescriptionCommand } from './submit-prescription.command';

/**
 * Delegates to the use case. A refusal by the network (4xx) is final at once; other failures
 * are retried with backoff. However the job fails for good (refused, out of attempts, stalled
 * too often), the prescription is marked `transmission_failed`.
 */
@Processor(ERX_QUEUE, { concurrency: 8 })
export class ErxSubmissionProcessor extends WorkerHost {
  private readonly logger = new Logger('EHR');

  constructor(private readonly commands: CommandBus) {
    super();
  }

  process(job: Job<ErxJobData>): Promise<void> {
    const { prescriptionId, orderUuid } = job.data;
    return runInJobTrace(job, async () => {
      try {
        await this.commands.execute(new SubmitPrescriptionCommand(prescriptionId, orderUuid));
      } catch (error) {
        if (error instanceof PartnerRejectedError) throw new UnrecoverableError(error.message);
        throw error;
      }
    });
  }

  /** An event listener: nobody awaits it, so it must not reject. */
  @OnWorkerEvent('failed')
  async recordFinalFailure(job: Job<ErxJobData> | undefined, error: Error): Promise<void> {
    if (!job || !isFinalFailure(job, error)) return;
    const { prescriptionId } = job.data;
    try {
      await runInJobTrace(job, () =>
        this.commands.execute(new RecordTransmissionFailureCommand(prescriptionId, error.message)),
      );
    } catch (recordError) {
      this.logger.error(
        { err: recordError, prescriptionId, jobId: job.id },
        `Could not record that prescription ${prescriptionId} failed transmission`,
      );
    }
  }
}
