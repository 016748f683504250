import { DomainEvent } from '@pharmacy/platform';

export interface OrderPlacedItem {
  readonly orderItemUuid: string;
  readonly productId: string;
  readonly quantity: number;
  readonly requiresPrescription: boolean;
}

/** A patient placed an order. EHR opens an encounter for its prescription items. */
export class OrderPlacedEvent extends DomainEvent<{
  readonly orderUuid: string;
  readonly patientId: string;
  readonly items: readonly OrderPlacedItem[];
  /** Two-letter US state the order ships to; it decides which providers may prescribe. */
  readonly fulfillmentState: string;
}> {
  static readonly type = 'orders.order-placed';
  static readonly version = 1;
}
