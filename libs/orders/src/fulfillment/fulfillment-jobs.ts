import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { enqueueJob, ensureJob, JOB_POLICY, jobOptions, withTrace } from '@pharmacy/platform';
import type { JobCheck, JobPolicy } from '@pharmacy/platform';
import { Queue } from 'bullmq';
import { FULFILLMENT_QUEUE, FulfillmentJobData, fulfillmentJobId } from './fulfillment-queue';

/** The fulfillment jobs: one per order, under its deterministic id. */
@Injectable()
export class FulfillmentJobs {
  constructor(
    @InjectQueue(FULFILLMENT_QUEUE) private readonly queue: Queue<FulfillmentJobData>,
    @Inject(JOB_POLICY) private readonly policy: JobPolicy,
  ) {}

  /** Adds the job; a repeat while the first is retained is a no-op. */
  enqueue(orderUuid: string): Promise<void> {
    return enqueueJob(
      this.queue,
      'fulfill-order',
      withTrace({ orderUuid }),
      jobOptions(this.policy, fulfillmentJobId(orderUuid)),
    );
  }

  /** Makes sure the job will run: see `ensureJob`. */
  ensure(orderUuid: string, options: { replaceFailed?: boolean } = {}): Promise<JobCheck> {
    return ensureJob(
      this.queue,
      'fulfill-order',
      withTrace({ orderUuid }),
      jobOptions(this.policy, fulfillmentJobId(orderUuid)),
      options,
    );
  }
}
