import { DomainEvent } from '@pharmacy/platform';

/** Every item of the order is decided and at least one can ship. */
export class OrderReadyForFulfillmentEvent extends DomainEvent<{
  readonly orderUuid: string;
  readonly patientId: string;
}> {
  static readonly type = 'orders.order-ready-for-fulfillment';
  static readonly version = 1;
}
