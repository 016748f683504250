import { ApiProperty } from '@nestjs/swagger';
import { ORDER_ITEM_STATUSES, ORDER_STATUSES } from '../order-status';
import type { OrderItemStatus, OrderStatus } from '../order-status';
import { Order } from '../order.entity';

export class OrderItemView {
  @ApiProperty({ format: 'uuid' }) uuid!: string;
  @ApiProperty() productId!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() requiresPrescription!: boolean;
  @ApiProperty({ enum: ORDER_ITEM_STATUSES }) status!: OrderItemStatus;
}

export class OrderView {
  @ApiProperty({ format: 'uuid' }) uuid!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty({ example: 'CA' }) fulfillmentState!: string;
  @ApiProperty({ type: String, nullable: true }) trackingNumber!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Set while fulfillment_failed: a generic reason; operators see the detail.',
  })
  failureReason!: string | null;
  @ApiProperty({ type: [OrderItemView] }) items!: OrderItemView[];
  @ApiProperty() createdAt!: string;
}

export function toOrderView(order: Order): OrderView {
  return {
    uuid: order.uuid,
    status: order.status,
    fulfillmentState: order.fulfillmentState,
    trackingNumber: order.trackingNumber,
    failureReason: order.failureReason,
    items: order.items.map((item) => ({
      uuid: item.uuid,
      productId: item.productId,
      quantity: item.quantity,
      requiresPrescription: item.requiresPrescription,
      status: item.status,
    })),
    createdAt: order.createdAt.toISOString(),
  };
}
