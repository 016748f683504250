import { Processor, WorkerHost } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { isFinalAttempt, PartnerRejectedError, runInJobTrace } from '@pharmacy/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { ERX_QUEUE, ErxJobData } from './erx-queue';
import {
  RecordTransmissionFailureCommand,
  SubmitPrescriptionCommand,
} from './submit-prescription.command';

/**
 * Delegates to the use case. A refusal by the network (4xx) is final at once; other failures
 * are retried with backoff, and the last one marks the prescription `transmission_failed`.
 */
@Processor(ERX_QUEUE, { concurrency: 8 })
export class ErxSubmissionProcessor extends WorkerHost {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  process(job: Job<ErxJobData>): Promise<void> {
    const { prescriptionId, orderUuid } = job.data;
    return runInJobTrace(job, async () => {
      try {
        await this.commands.execute(new SubmitPrescriptionCommand(prescriptionId, orderUuid));
      } catch (error) {
        const refused = error instanceof PartnerRejectedError;
        if (refused || isFinalAttempt(job)) {
          await this.commands.execute(
            new RecordTransmissionFailureCommand(prescriptionId, (error as Error).message),
          );
        }
        throw refused ? new UnrecoverableError((error as Error).message) : error;
      }
    });
  }
}
