import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { enqueueJob, ensureJob, JOB_POLICY, jobOptions, withTrace } from '@pharmacy/platform';
import type { JobCheck, JobPolicy } from '@pharmacy/platform';
import { Queue } from 'bullmq';
import { ERX_QUEUE, ErxJobData, erxJobId } from './erx-queue';

/** The eRx submission jobs: one per prescription, under its deterministic id. */
@Injectable()
export class ErxSubmissions {
  constructor(
    @InjectQueue(ERX_QUEUE) private readonly queue: Queue<ErxJobData>,
    @Inject(JOB_POLICY) private readonly policy: JobPolicy,
  ) {}

  /** Adds the job; a repeat while the first is retained is a no-op. */
  enqueue(prescriptionId: string, orderUuid?: string): Promise<void> {
    return enqueueJob(
      this.queue,
      'submit-prescription',
      withTrace({ prescriptionId, orderUuid }),
      jobOptions(this.policy, erxJobId(prescriptionId)),
    );
  }

  /** Makes sure the job will run: see `ensureJob`. */
  ensure(prescriptionId: string, options: { replaceFailed?: boolean } = {}): Promise<JobCheck> {
    return ensureJob(
      this.queue,
      'submit-prescription',
      withTrace({ prescriptionId }),
      jobOptions(this.policy, erxJobId(prescriptionId)),
      options,
    );
  }
}
