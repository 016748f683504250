import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OrderCancelledEvent, OrderReadyForFulfillmentEvent } from '@pharmacy/contracts';
import { EventBus, Publishes, UnitOfWork } from '@pharmacy/platform';
import { OrdersRepository } from '../orders.repository';
import { ApplyClinicalDecisionsCommand } from './apply-clinical-decisions.command';

/**
 * Applies item decisions under a lock on the order row. Whichever message brings the last
 * decision (an approval, a rejection or the encounter's completion, in any order, even at the
 * same instant) concludes the review; every other sees it concluded and does nothing.
 */
@Publishes(OrderCancelledEvent, OrderReadyForFulfillmentEvent)
@CommandHandler(ApplyClinicalDecisionsCommand)
export class ApplyClinicalDecisionsHandler implements ICommandHandler<ApplyClinicalDecisionsCommand> {
  private readonly logger = new Logger('Orders');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly orders: OrdersRepository,
    private readonly events: EventBus,
  ) {}

  execute({ orderUuid, approvedItemUuids, rejectedItemUuids }: ApplyClinicalDecisionsCommand) {
    return this.unitOfWork.run(async () => {
      const order = await this.orders.findForUpdate(orderUuid);
      if (!order) throw new Error(`Order ${orderUuid} does not exist`);

      const changed = [
        ...approvedItemUuids.flatMap((uuid) => order.recordDecision(uuid, 'clinically_approved')),
        ...rejectedItemUuids.flatMap((uuid) => order.recordDecision(uuid, 'rejected')),
      ];
      const outcome = order.concludeReviewIfComplete();
      if (changed.length === 0 && !outcome) return;
      await this.orders.saveStatus(order, changed);

      const { patientId } = order;
      if (outcome === 'ready_for_fulfillment') {
        // Said only once it is true: after the commit.
        await this.unitOfWork.afterCommit(() =>
          this.logger.log({ orderUuid }, `Order ${orderUuid} is ready for fulfillment`),
        );
        await this.events.publish(new OrderReadyForFulfillmentEvent({ orderUuid, patientId }));
      } else if (outcome === 'cancelled') {
        await this.unitOfWork.afterCommit(() =>
          this.logger.log(
            { orderUuid },
            `Order ${orderUuid} is cancelled: every item was rejected`,
          ),
        );
        await this.events.publish(new OrderCancelledEvent({ orderUuid, patientId }));
      }
    });
  }
}
