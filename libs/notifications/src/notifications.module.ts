import { Module, OnModuleInit } from '@nestjs/common';
import { OrderCancelledEvent, OrderFulfilledEvent } from '@pharmacy/contracts';
import { EventBus } from '@pharmacy/platform';
import { NotificationsRepository } from './notifications.repository';
import { NotifyPatient } from './notify-patient/notify-patient';
import { ViewNotificationsController } from './view-notifications/view-notifications.controller';

/**
 * Notifications: tells patients what happened to their orders. It only reacts to Orders' events;
 * nothing else knows it exists.
 */
@Module({
  controllers: [ViewNotificationsController],
  providers: [NotificationsRepository, NotifyPatient],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly notifyPatient: NotifyPatient,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(
      OrderFulfilledEvent,
      'notifications.notify-patient-when-order-shipped',
      (event) => this.notifyPatient.orderShipped(event),
    );
    this.events.subscribe(
      OrderCancelledEvent,
      'notifications.notify-patient-when-order-cancelled',
      (event) => this.notifyPatient.orderCancelled(event),
    );
  }
}
