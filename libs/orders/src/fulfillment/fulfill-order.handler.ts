import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OrderFulfilledEvent } from '@pharmacy/contracts';
import { EventBus, Publishes, UnitOfWork } from '@pharmacy/platform';
import { OrdersRepository } from '../orders.repository';
import { FulfillOrderCommand } from './fulfill-order.command';
import { OrderCannotShipError } from './order-cannot-ship.error';
import { PharmacyClient } from './pharmacy.client';

/**
 * Ships an order through the pharmacy partner. The partner call happens outside any transaction
 * (no row is locked while the network is slow); the idempotency key makes a retry after a crash
 * return the same tracking number instead of shipping twice.
 */
@Publishes(OrderFulfilledEvent)
@CommandHandler(FulfillOrderCommand)
export class FulfillOrderHandler implements ICommandHandler<FulfillOrderCommand> {
  private readonly logger = new Logger('Orders');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly orders: OrdersRepository,
    private readonly pharmacy: PharmacyClient,
    private readonly events: EventBus,
  ) {}

  async execute({ orderUuid }: FulfillOrderCommand): Promise<void> {
    const order = await this.orders.find(orderUuid);
    if (!order) throw new Error(`Order ${orderUuid} does not exist`);
    if (order.status === 'fulfilled') return;
    if (order.status !== 'ready_for_fulfillment') throw new OrderCannotShipError(order);

    const { trackingNumber } = await this.pharmacy.ship({
      orderUuid,
      fulfillmentState: order.fulfillmentState,
      items: order.shippableItems.map(({ uuid, productId, quantity }) => ({
        orderItemUuid: uuid,
        productId,
        quantity,
      })),
    });

    await this.unitOfWork.run(async () => {
      const locked = await this.orders.findForUpdate(orderUuid);
      if (!locked?.markFulfilled(trackingNumber)) return;
      await this.orders.saveStatus(locked);
      const { patientId } = locked;
      await this.unitOfWork.afterCommit(() => this.logShipped(orderUuid, trackingNumber));
      await this.events.publish(new OrderFulfilledEvent({ orderUuid, patientId, trackingNumber }));
    });
  }

  private logShipped(orderUuid: string, trackingNumber: string): void {
    this.logger.log(
      { orderUuid, trackingNumber },
      `Order ${orderUuid} shipped as ${trackingNumber}`,
    );
  }
}
