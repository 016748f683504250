import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { handleJobFailure, jobBackoff, runUnderRetryRules } from '@pharmacy/platform';
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
    return runUnderRetryRules(job, token, () =>
      this.commands.execute(new SubmitPrescriptionCommand(prescriptionId, orderUuid)),
    );
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<ErxJobData> | undefined, error: Error): Promise<void> {
    return handleJobFailure(job, error, {
      logger: this.logger,
      describe: ({ prescriptionId }) => ({
        fields: { prescriptionId },
        item: `prescription ${prescriptionId}`,
      }),
      recordFailure: ({ prescriptionId }, reason) =>
        this.commands.execute(new RecordTransmissionFailureCommand(prescriptionId, reason)),
    });
  }
}
