import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { handleJobFailure, jobBackoff, runUnderRetryRules } from '@pharmacy/platform';
import { Job } from 'bullmq';
import { FulfillOrderCommand } from './fulfill-order.command';
import { FULFILLMENT_QUEUE, FulfillmentJobData } from './fulfillment-queue';
import { OrderCannotShipError } from './order-cannot-ship.error';
import { RecordFulfillmentFailureCommand } from './record-fulfillment-failure.command';

/**
 * Delegates to the use case, under the platform's retry rules; an order that cannot ship is
 * final at once. However the job fails for good, the order becomes `fulfillment_failed`.
 */
@Processor(FULFILLMENT_QUEUE, { concurrency: 8, settings: { backoffStrategy: jobBackoff } })
export class FulfillmentProcessor extends WorkerHost {
  private readonly logger = new Logger('Orders');

  constructor(private readonly commands: CommandBus) {
    super();
  }

  process(job: Job<FulfillmentJobData>, token?: string): Promise<void> {
    return runUnderRetryRules(
      job,
      token,
      () => this.commands.execute(new FulfillOrderCommand(job.data.orderUuid)),
      (error) => error instanceof OrderCannotShipError,
    );
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<FulfillmentJobData> | undefined, error: Error): Promise<void> {
    return handleJobFailure(job, error, {
      logger: this.logger,
      describe: ({ orderUuid }) => ({ fields: { orderUuid }, item: `order ${orderUuid}` }),
      recordFailure: ({ orderUuid }, reason) =>
        this.commands.execute(new RecordFulfillmentFailureCommand(orderUuid, reason)),
    });
  }
}
