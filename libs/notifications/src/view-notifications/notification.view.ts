import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS } from '../notification.entity';
import type { Notification, NotificationKind } from '../notification.entity';

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ format: 'uuid' }) orderUuid!: string;
  @ApiProperty({ example: 'Your order has shipped. Tracking number: TRK-1A2B3C.' })
  message!: string;
  @ApiProperty() createdAt!: string;
}

export function toNotificationView(notification: Notification): NotificationView {
  return {
    id: notification.id,
    kind: notification.kind,
    orderUuid: notification.orderUuid,
    message: notification.message,
    createdAt: notification.createdAt.toISOString(),
  };
}
