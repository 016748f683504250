import { BullModule } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import {
  EncounterCompletedEvent,
  OrderReadyForFulfillmentEvent,
  PrescriptionRequestApprovedEvent,
  PrescriptionRequestRejectedEvent,
} from '@pharmacy/contracts';
import { EventBus, Reconciler } from '@pharmacy/platform';
import { CatalogController } from './catalog/catalog.controller';
import { ApplyClinicalDecisionsCommand } from './clinical-review/apply-clinical-decisions.command';
import { ApplyClinicalDecisionsHandler } from './clinical-review/apply-clinical-decisions.handler';
import { EnqueueFulfillmentSubscriber } from './fulfillment/enqueue-fulfillment.subscriber';
import { FULFILLMENT_QUEUE } from './fulfillment/fulfillment-queue';
import { OrdersRepository } from './orders.repository';
import { FulfillmentJobs } from './fulfillment/fulfillment-jobs';
import { RecordFulfillmentFailureHandler } from './fulfillment/record-fulfillment-failure.handler';
import { FulfillmentAdminController } from './recover-fulfillment/fulfillment-admin.controller';
import { FulfillmentsSweep } from './recover-fulfillment/fulfillments.sweep';
import { RetryFulfillmentHandler } from './recover-fulfillment/retry-fulfillment.handler';
import { IdempotencyKeys } from './place-order/idempotency-keys';
import { PlaceOrderController } from './place-order/place-order.controller';
import { PlaceOrderHandler } from './place-order/place-order.handler';
import { ViewOrdersController } from './view-orders/view-orders.controller';

/** Orders: the catalog, placing orders, and the order's lifecycle through review and shipping. */
@Module({
  imports: [CqrsModule, BullModule.registerQueue({ name: FULFILLMENT_QUEUE })],
  controllers: [
    CatalogController,
    PlaceOrderController,
    ViewOrdersController,
    FulfillmentAdminController,
  ],
  providers: [
    OrdersRepository,
    IdempotencyKeys,
    PlaceOrderHandler,
    ApplyClinicalDecisionsHandler,
    EnqueueFulfillmentSubscriber,
    FulfillmentJobs,
    RecordFulfillmentFailureHandler,
    RetryFulfillmentHandler,
    FulfillmentsSweep,
  ],
  exports: [OrdersRepository],
})
export class OrdersModule implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly commands: CommandBus,
    private readonly enqueueFulfillment: EnqueueFulfillmentSubscriber,
    private readonly reconciler: Reconciler,
    private readonly fulfillmentsSweep: FulfillmentsSweep,
  ) {}

  onModuleInit(): void {
    const apply = (orderUuid: string, approved: readonly string[], rejected: readonly string[]) =>
      this.commands.execute(new ApplyClinicalDecisionsCommand(orderUuid, approved, rejected));

    this.events.subscribe(
      PrescriptionRequestApprovedEvent,
      'orders.mark-item-approved-when-prescription-approved',
      ({ payload }) => apply(payload.orderUuid, [payload.orderItemUuid], []),
    );
    this.events.subscribe(
      PrescriptionRequestRejectedEvent,
      'orders.mark-item-rejected-when-prescription-rejected',
      ({ payload }) => apply(payload.orderUuid, [], [payload.orderItemUuid]),
    );
    this.events.subscribe(
      EncounterCompletedEvent,
      'orders.conclude-review-when-encounter-completed',
      ({ payload }) =>
        apply(payload.orderUuid, payload.approvedOrderItemUuids, payload.rejectedOrderItemUuids),
    );
    this.events.subscribe(
      OrderReadyForFulfillmentEvent,
      'orders.enqueue-fulfillment-when-order-ready',
      (event) => this.enqueueFulfillment.handle(event),
      { enqueues: [FULFILLMENT_QUEUE] },
    );
    this.reconciler.register(this.fulfillmentsSweep);
  }
}
