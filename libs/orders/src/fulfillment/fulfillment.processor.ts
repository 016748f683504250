import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import {
  isFinalFailure,
  jobBackoff,
  PartnerAccessDeniedError,
  runInJobTrace,
  runUnderRetryRules,
} from '@pharmacy/platform';
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
    return runInJobTrace(job, () =>
      runUnderRetryRules(
        job,
        token,
        () => this.commands.execute(new FulfillOrderCommand(job.data.orderUuid)),
        (error) => error instanceof OrderCannotShipError,
      ),
    );
  }

  /** An event listener: nobody awaits it, so it must not reject. */
  @OnWorkerEvent('failed')
  async recordFinalFailure(job: Job<FulfillmentJobData> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const { orderUuid } = job.data;
    if (error instanceof PartnerAccessDeniedError) {
      this.logger.error(
        { alarm: 'partner-access-denied', orderUuid, jobId: job.id, err: error },
        `ALARM: ${error.message}; orders wait until an operator fixes the credentials`,
      );
    }
    if (!isFinalFailure(job, error)) return;
    try {
      await runInJobTrace(job, () =>
        this.commands.execute(new RecordFulfillmentFailureCommand(orderUuid, error.message)),
      );
    } catch (recordError) {
      // The reconciler finds the order still ready with its job failed, and records it.
      this.logger.error(
        { err: recordError, orderUuid, jobId: job.id },
        `Could not record that order ${orderUuid} failed to ship`,
      );
    }
  }
}
