import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const NOTIFICATION_KINDS = ['order_shipped', 'order_cancelled'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A message to a patient about one of their orders; at most one of each kind per order. */
@Entity('notifications')
export class Notification {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('text')
  kind!: NotificationKind;

  @Column('uuid', { name: 'order_uuid' })
  orderUuid!: string;

  @Column('text')
  message!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  static orderShipped(order: {
    orderUuid: string;
    patientId: string;
    trackingNumber: string;
  }): Notification {
    return Notification.create(
      'order_shipped',
      order,
      `Your order ${order.orderUuid} has shipped. Tracking number: ${order.trackingNumber}.`,
    );
  }

  static orderCancelled(order: { orderUuid: string; patientId: string }): Notification {
    return Notification.create(
      'order_cancelled',
      order,
      `Your order ${order.orderUuid} was cancelled: no item was approved in clinical review, ` +
        'so nothing will ship.',
    );
  }

  private static create(
    kind: NotificationKind,
    { orderUuid, patientId }: { orderUuid: string; patientId: string },
    message: string,
  ): Notification {
    return Object.assign(new Notification(), {
      id: randomUUID(),
      patientId,
      kind,
      orderUuid,
      message,
    });
  }
}
