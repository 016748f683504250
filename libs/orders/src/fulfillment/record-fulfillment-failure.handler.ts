import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@pharmacy/platform';
import { OrdersRepository } from '../orders.repository';
import { RecordFulfillmentFailureCommand } from './record-fulfillment-failure.command';

/** Makes a fulfillment that failed for good a visible state of the order, for an operator to retry. */
@CommandHandler(RecordFulfillmentFailureCommand)
export class RecordFulfillmentFailureHandler implements ICommandHandler<RecordFulfillmentFailureCommand> {
  private readonly logger = new Logger('Orders');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly orders: OrdersRepository,
  ) {}

  execute({ orderUuid, detail }: RecordFulfillmentFailureCommand): Promise<void> {
    return this.unitOfWork.run(async () => {
      const order = await this.orders.findForUpdate(orderUuid);
      if (!order?.markFulfillmentFailed(detail)) return;
      await this.orders.saveStatus(order);
      await this.unitOfWork.afterCommit(() =>
        this.logger.error(
          { orderUuid, detail },
          `Shipping order ${orderUuid} failed for good: ${detail}`,
        ),
      );
    });
  }
}
