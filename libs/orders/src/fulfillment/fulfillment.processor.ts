import { Processor, WorkerHost } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { PartnerRejectedError, runInJobTrace } from '@pharmacy/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { FulfillOrderCommand } from './fulfill-order.command';
import { FULFILLMENT_QUEUE, FulfillmentJobData } from './fulfillment-queue';

/** Delegates to the use case; a partner's 4xx ends the job at once, anything else is retried. */
@Processor(FULFILLMENT_QUEUE, { concurrency: 8 })
export class FulfillmentProcessor extends WorkerHost {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  process(job: Job<FulfillmentJobData>): Promise<void> {
    return runInJobTrace(job, async () => {
      try {
        await this.commands.execute(new FulfillOrderCommand(job.data.orderUuid));
      } catch (error) {
        if (error instanceof PartnerRejectedError) throw new UnrecoverableError(error.message);
        throw error;
      }
    });
  }
}
