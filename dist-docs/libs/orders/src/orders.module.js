"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrdersModule = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const contracts_1 = require("../../contracts/src/index.js");
const platform_1 = require("../../platform/src/index.js");
const catalog_controller_1 = require("./catalog/catalog.controller");
const apply_clinical_decisions_command_1 = require("./clinical-review/apply-clinical-decisions.command");
const apply_clinical_decisions_handler_1 = require("./clinical-review/apply-clinical-decisions.handler");
const enqueue_fulfillment_subscriber_1 = require("./fulfillment/enqueue-fulfillment.subscriber");
const fulfillment_queue_1 = require("./fulfillment/fulfillment-queue");
const orders_repository_1 = require("./orders.repository");
const idempotency_keys_1 = require("./place-order/idempotency-keys");
const place_order_controller_1 = require("./place-order/place-order.controller");
const place_order_handler_1 = require("./place-order/place-order.handler");
const view_orders_controller_1 = require("./view-orders/view-orders.controller");
/** Orders: the catalog, placing orders, and the order's lifecycle through review and shipping. */
let OrdersModule = class OrdersModule {
    constructor(events, commands, enqueueFulfillment) {
        this.events = events;
        this.commands = commands;
        this.enqueueFulfillment = enqueueFulfillment;
    }
    onModuleInit() {
        const apply = (orderUuid, approved, rejected) => this.commands.execute(new apply_clinical_decisions_command_1.ApplyClinicalDecisionsCommand(orderUuid, approved, rejected));
        this.events.subscribe(contracts_1.PrescriptionRequestApprovedEvent, 'orders.mark-item-approved-when-prescription-approved', ({ payload }) => apply(payload.orderUuid, [payload.orderItemUuid], []));
        this.events.subscribe(contracts_1.PrescriptionRequestRejectedEvent, 'orders.mark-item-rejected-when-prescription-rejected', ({ payload }) => apply(payload.orderUuid, [], [payload.orderItemUuid]));
        this.events.subscribe(contracts_1.EncounterCompletedEvent, 'orders.conclude-review-when-encounter-completed', ({ payload }) => apply(payload.orderUuid, payload.approvedOrderItemUuids, payload.rejectedOrderItemUuids));
        this.events.subscribe(contracts_1.OrderReadyForFulfillmentEvent, 'orders.enqueue-fulfillment-when-order-ready', (event) => this.enqueueFulfillment.handle(event), { enqueues: [fulfillment_queue_1.FULFILLMENT_QUEUE] });
    }
};
exports.OrdersModule = OrdersModule;
exports.OrdersModule = OrdersModule = __decorate([
    (0, common_1.Module)({
        imports: [cqrs_1.CqrsModule, bullmq_1.BullModule.registerQueue({ name: fulfillment_queue_1.FULFILLMENT_QUEUE })],
        controllers: [catalog_controller_1.CatalogController, place_order_controller_1.PlaceOrderController, view_orders_controller_1.ViewOrdersController],
        providers: [
            orders_repository_1.OrdersRepository,
            idempotency_keys_1.IdempotencyKeys,
            place_order_handler_1.PlaceOrderHandler,
            apply_clinical_decisions_handler_1.ApplyClinicalDecisionsHandler,
            enqueue_fulfillment_subscriber_1.EnqueueFulfillmentSubscriber,
        ],
        exports: [orders_repository_1.OrdersRepository],
    }),
    __metadata("design:paramtypes", [platform_1.EventBus,
        cqrs_1.CommandBus,
        enqueue_fulfillment_subscriber_1.EnqueueFulfillmentSubscriber])
], OrdersModule);
