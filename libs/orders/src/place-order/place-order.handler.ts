import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OrderPlacedEvent, OrderReadyForFulfillmentEvent } from '@pharmacy/contracts';
import { EventBus, invalidFields, Publishes, UnitOfWork } from '@pharmacy/platform';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { Product } from '../catalog/product.entity';
import { OrderItem } from '../order-item.entity';
import { Order } from '../order.entity';
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

      const order = this.newOrder(
        patientId,
        request.fulfillmentState,
        await this.products(request),
      );
      // An order without prescription items needs no review: it is ready the moment it exists.
      const readyAtOnce = order.concludeReviewIfComplete() === 'ready_for_fulfillment';
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
      if (readyAtOnce) {
        await this.events.publish(
          new OrderReadyForFulfillmentEvent({ orderUuid: order.uuid, patientId }),
        );
      }

      const view = toOrderView(order);
      if (idempotencyKey) await this.idempotencyKeys.complete(patientId, idempotencyKey, view);
      return view;
    });
  }

  private async products(
    request: PlaceOrderCommand['request'],
  ): Promise<{ product: Product; quantity: number }[]> {
    const ids = request.items.map((line) => line.productId);
    const errors = ids.flatMap((id, index) =>
      ids.indexOf(id) !== index
        ? [{ field: `items.${index}.productId`, message: `product ${id} is listed more than once` }]
        : [],
    );
    const found = await this.unitOfWork.manager.findBy(Product, { id: In(ids) });
    const byId = new Map(found.map((product) => [product.id, product]));
    ids.forEach((id, index) => {
      if (!byId.has(id))
        errors.push({ field: `items.${index}.productId`, message: `unknown product ${id}` });
    });
    if (errors.length > 0) {
      throw invalidFields('The order lists unknown or repeated products.', errors);
    }
    return request.items.map((line) => ({
      product: byId.get(line.productId)!,
      quantity: line.quantity,
    }));
  }

  private newOrder(
    patientId: string,
    fulfillmentState: string,
    lines: { product: Product; quantity: number }[],
  ): Order {
    const order = Object.assign(new Order(), {
      uuid: randomUUID(),
      patientId,
      status: 'pending_clinical_review',
      fulfillmentState,
      trackingNumber: null,
      failureReason: null,
      failureDetail: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    order.items = lines.map(({ product, quantity }, position) =>
      Object.assign(new OrderItem(), {
        uuid: randomUUID(),
        position,
        productId: product.id,
        quantity,
        requiresPrescription: product.requiresPrescription,
        status: product.requiresPrescription ? 'pending_review' : 'not_required',
      }),
    );
    return order;
  }
}
