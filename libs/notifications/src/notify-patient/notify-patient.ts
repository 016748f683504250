import { Injectable, Logger } from '@nestjs/common';
import { OrderCancelledEvent, OrderFulfilledEvent } from '@pharmacy/contracts';
import { UnitOfWork } from '@pharmacy/platform';
import { Notification } from '../notification.entity';
import { NotificationsRepository } from '../notifications.repository';

/**
 * Reactions to Orders' events. Each runs in the transaction the event bus opened for the
 * subscriber, so the insert commits together with the delivery's bookkeeping.
 */
@Injectable()
export class NotifyPatient {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  orderShipped({ payload }: OrderFulfilledEvent): Promise<void> {
    return this.record(Notification.orderShipped(payload));
  }

  orderCancelled({ payload }: OrderCancelledEvent): Promise<void> {
    return this.record(Notification.orderCancelled(payload));
  }

  private async record(notification: Notification): Promise<void> {
    const { kind, orderUuid } = notification;
    if (await this.notifications.insertOnce(notification)) {
      await this.unitOfWork.afterCommit(() =>
        this.logger.log(
          { orderUuid, kind },
          `Notified the patient: ${kind} for order ${orderUuid}`,
        ),
      );
    }
  }
}
