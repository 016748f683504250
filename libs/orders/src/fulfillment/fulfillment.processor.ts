import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { isFinalFailure, PartnerRejectedError, runInJobTrace } from '@pharmacy/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { FulfillOrderCommand } from './fulfill-order.command';
import { FULFILLMENT_QUEUE, FulfillmentJobData } from './fulfillment-queue';
import { OrderCannotShipError } from './order-cannot-ship.error';

/** Delegates to the use case; a partner's 4xx ends the job at once, anything else is retried. */
@Processor(FULFILLMENT_QUEUE, { concurrency: 8 })
export class FulfillmentProcessor extends WorkerHost {
  private readonly logger = new Logger('Orders');

  constructor(private readonly commands: CommandBus) {
    super();
  }

  process(job: Job<FulfillmentJobData>): Promise<void> {
    return runInJobTrace(job, async () => {
      try {
        await this.commands.execute(new FulfillOrderCommand(job.data.orderUuid));
      } catch (error) {
        if (error instanceof PartnerRejectedError || error instanceof OrderCannotShipError) {
          throw new UnrecoverableError(error.message);
        }
        throw error;
      }
    });
  }

  /** The order stays ready_for_fulfillment; the failed job, kept in the queue, is the record. */
  @OnWorkerEvent('failed')
  reportFinalFailure(job: Job<FulfillmentJobData> | undefined, error: Error): void {
    if (!job || !isFinalFailure(job, error)) return;
    void runInJobTrace(job, async () =>
      this.logger.error(
        { orderUuid: job.data.orderUuid, jobId: job.id, err: error },
        `Shipping order ${job.data.orderUuid} failed for good: ${error.message}`,
      ),
    );
  }
}
