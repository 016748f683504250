import { Logger, NotFoundException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requeueRetried, UnitOfWork } from '@pharmacy/platform';
import type { RetryView } from '@pharmacy/platform';
import { FulfillmentJobs } from '../fulfillment/fulfillment-jobs';
import { OrdersRepository } from '../orders.repository';
import { RetryFulfillmentCommand } from './retry-fulfillment.command';

/**
 * Idempotent: the state change happens once (the audit log records it, with the request's
 * correlation id); a repeat finds the order ready, or fulfilled, and changes nothing. The job is
 * put back after the commit; if Redis is away then, the reconciler puts it back later.
 */
@CommandHandler(RetryFulfillmentCommand)
export class RetryFulfillmentHandler implements ICommandHandler<RetryFulfillmentCommand> {
  private readonly logger = new Logger('Orders');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly orders: OrdersRepository,
    private readonly jobs: FulfillmentJobs,
  ) {}

  async execute({ orderUuid, operatorId }: RetryFulfillmentCommand): Promise<RetryView> {
    const { status, retried } = await this.unitOfWork.run(async () => {
      const order = await this.orders.findForUpdate(orderUuid);
      if (!order) throw new NotFoundException(`No order has the uuid ${orderUuid}.`);
      const changed = order.retryFulfillment();
      if (changed) {
        await this.orders.saveStatus(order);
        await this.unitOfWork.afterCommit(() =>
          this.logger.warn(
            { orderUuid, operatorId },
            `Operator ${operatorId} retried the fulfillment of order ${orderUuid}`,
          ),
        );
      }
      return { status: order.status, retried: changed };
    });
    if (status !== 'ready_for_fulfillment') return { id: orderUuid, status, retried, job: 'none' };
    const job = await requeueRetried((options) => this.jobs.ensure(orderUuid, options));
    return { id: orderUuid, status, retried, job };
  }
}
