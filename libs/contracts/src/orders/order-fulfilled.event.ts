import { DomainEvent } from '@pharmacy/platform';

/** The pharmacy partner accepted the shipment. */
export class OrderFulfilledEvent extends DomainEvent<{
  readonly orderUuid: string;
  readonly patientId: string;
  readonly trackingNumber: string;
}> {
  static readonly type = 'orders.order-fulfilled';
  static readonly version = 1;
}
