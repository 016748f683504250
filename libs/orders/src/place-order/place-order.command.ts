import { Command } from '@nestjs/cqrs';
import { OrderView } from '../view-orders/order.view';
import { PlaceOrderRequest } from './place-order.request';

export class PlaceOrderCommand extends Command<OrderView> {
  constructor(
    readonly patientId: string,
    readonly request: PlaceOrderRequest,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
