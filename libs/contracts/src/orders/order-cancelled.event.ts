import { DomainEvent } from '@pharmacy/platform';

/** Every item of the order was rejected in clinical review, so nothing ships. */
export class OrderCancelledEvent extends DomainEvent<{
  readonly orderUuid: string;
  readonly patientId: string;
}> {
  static readonly type = 'orders.order-cancelled';
  static readonly version = 1;
}
