import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OrderPlacedEvent, OrderReadyForFulfillmentEvent } from '@pharmacy/contracts';
import { EventBus, invalidFields, Publishes, UnitOfWork } from '@pharmacy/platform';
import { Order, OrderRefusedError } from '../order.entity';
import { OrdersRepository } from '../orders.repository';
import { OrderView, toOrderView } from '../view-orders/order.view';
import { IdempotencyKeys } from './idempotency-keys';
import { PlaceOrderCommand } from './place-order.command';

@Publishes(OrderPlacedEvent, OrderReadyForFulfillmentEvent)
@CommandHandler(PlaceOrderCommand)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand> {
  private readonly logger = new Logger('Orders');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly orders: OrdersRepository,
    private readonly idempotencyKeys: IdempotencyKeys,
    private readonly events: EventBus,
  ) {}

  execute({ patientId, request, idempotencyKey }: PlaceOrderCommand): Promise<OrderView> {
    return this.unitOfWork.run(async () => {
      if (idempotencyKey) {
        const first = await this.idempotencyKeys.claim<OrderView>(
          patientId,
          idempotencyKey,
          request,
        );
        if (first) return first.replay;
      }

      const order = await this.place(patientId, request);
      await this.orders.insert(order);
      // Said only once it is true: after the commit.
      await this.unitOfWork.afterCommit(() =>
        this.logger.log(
          { orderUuid: order.uuid, patientId },
          `Order ${order.uuid} placed with ${order.items.length} items`,
        ),
      );
      await this.events.publish(
        new OrderPlacedEvent({
          orderUuid: order.uuid,
          patientId,
          fulfillmentState: order.fulfillmentState,
          items: order.items.map((item) => ({
            orderItemUuid: item.uuid,
            productId: item.productId,
            quantity: item.quantity,
            requiresPrescription: item.requiresPrescription,
          })),
        }),
      );
      // An order without prescription items needs no review: it is ready the moment it exists.
      if (order.status === 'ready_for_fulfillment') {
        await this.events.publish(
          new OrderReadyForFulfillmentEvent({ orderUuid: order.uuid, patientId }),
        );
      }

      const view = toOrderView(order);
      if (idempotencyKey) await this.idempotencyKeys.complete(patientId, idempotencyKey, view);
      return view;
    });
  }

  /** The order as asked, or the patient's mistakes as a 400 that names each line at fault. */
  private async place(patientId: string, request: PlaceOrderCommand['request']): Promise<Order> {
    const catalog = await this.orders.products(request.items.map((line) => line.productId));
    try {
      return Order.place(patientId, request.fulfillmentState, request.items, catalog);
    } catch (error) {
      if (!(error instanceof OrderRefusedError)) throw error;
      throw invalidFields('The order lists unknown or repeated products.', error.problems);
    }
  }
}
