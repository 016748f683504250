import { Injectable } from '@nestjs/common';
import { OrderReadyForFulfillmentEvent } from '@pharmacy/contracts';
import { FulfillmentJobs } from './fulfillment-jobs';

/** Hands a ready order to the worker. Runs after commit, so the job never sees uncommitted data. */
@Injectable()
export class EnqueueFulfillmentSubscriber {
  constructor(private readonly jobs: FulfillmentJobs) {}

  async handle(event: OrderReadyForFulfillmentEvent): Promise<void> {
    await this.jobs.enqueue(event.payload.orderUuid);
  }
}
