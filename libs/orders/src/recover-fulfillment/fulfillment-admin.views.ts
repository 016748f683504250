import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Order } from '../order.entity';
import { ORDER_STATUSES } from '../order-status';
import type { OrderStatus } from '../order-status';
import { OrderView, toOrderView } from '../view-orders/order.view';

export class ListOrdersQuery {
  @ApiPropertyOptional({ enum: ORDER_STATUSES, default: 'fulfillment_failed' })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;
}

/** What operators see: the patient-facing view plus the pharmacy's own words. */
export class OrderAdminView extends OrderView {
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The partner's or last retry's words.",
  })
  failureDetail!: string | null;
}

export function toOrderAdminView(order: Order): OrderAdminView {
  return { ...toOrderView(order), patientId: order.patientId, failureDetail: order.failureDetail };
}
