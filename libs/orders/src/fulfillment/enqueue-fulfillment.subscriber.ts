import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { OrderReadyForFulfillmentEvent } from '@pharmacy/contracts';
import { enqueueJob, JOB_POLICY, jobOptions, withTrace } from '@pharmacy/platform';
import type { JobPolicy } from '@pharmacy/platform';
import { Queue } from 'bullmq';
import { FULFILLMENT_QUEUE, FulfillmentJobData, fulfillmentJobId } from './fulfillment-queue';

/** Hands a ready order to the worker. Runs after commit, so the job never sees uncommitted data. */
@Injectable()
export class EnqueueFulfillmentSubscriber {
  constructor(
    @InjectQueue(FULFILLMENT_QUEUE) private readonly queue: Queue<FulfillmentJobData>,
    @Inject(JOB_POLICY) private readonly policy: JobPolicy,
  ) {}

  async handle(event: OrderReadyForFulfillmentEvent): Promise<void> {
    const { orderUuid } = event.payload;
    await enqueueJob(
      this.queue,
      'fulfill-order',
      withTrace({ orderUuid }),
      jobOptions(this.policy, fulfillmentJobId(orderUuid)),
    );
  }
}
