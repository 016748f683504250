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
exports.FulfillOrderHandler = void 0;
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const contracts_1 = require("../../../contracts/src/index.js");
const platform_1 = require("../../../platform/src/index.js");
const orders_repository_1 = require("../orders.repository");
const fulfill_order_command_1 = require("./fulfill-order.command");
const pharmacy_client_1 = require("./pharmacy.client");
/**
 * Ships an order through the pharmacy partner. The partner call happens outside any transaction
 * (no row is locked while the network is slow); the idempotency key makes a retry after a crash
 * return the same tracking number instead of shipping twice.
 */
let FulfillOrderHandler = class FulfillOrderHandler {
    constructor(unitOfWork, orders, pharmacy, events) {
        this.unitOfWork = unitOfWork;
        this.orders = orders;
        this.pharmacy = pharmacy;
        this.events = events;
        this.logger = new common_1.Logger('Orders');
    }
    async execute({ orderUuid }) {
        const order = await this.orders.find(orderUuid);
        if (!order)
            throw new Error(`Order ${orderUuid} does not exist`);
        if (order.status === 'fulfilled')
            return;
        const { trackingNumber } = await this.pharmacy.ship({
            orderUuid,
            fulfillmentState: order.fulfillmentState,
            items: order.shippableItems.map(({ uuid, productId, quantity }) => ({
                orderItemUuid: uuid,
                productId,
                quantity,
            })),
        });
        await this.unitOfWork.run(async () => {
            const locked = await this.orders.findForUpdate(orderUuid);
            if (!locked?.markFulfilled(trackingNumber))
                return;
            await this.orders.saveStatus(locked);
            const { patientId } = locked;
            await this.unitOfWork.afterCommit(() => this.logShipped(orderUuid, trackingNumber));
            await this.events.publish(new contracts_1.OrderFulfilledEvent({ orderUuid, patientId, trackingNumber }));
        });
    }
    logShipped(orderUuid, trackingNumber) {
        this.logger.log({ orderUuid, trackingNumber }, `Order ${orderUuid} shipped as ${trackingNumber}`);
    }
};
exports.FulfillOrderHandler = FulfillOrderHandler;
exports.FulfillOrderHandler = FulfillOrderHandler = __decorate([
    (0, cqrs_1.CommandHandler)(fulfill_order_command_1.FulfillOrderCommand),
    __metadata("design:paramtypes", [platform_1.UnitOfWork,
        orders_repository_1.OrdersRepository,
        pharmacy_client_1.PharmacyClient,
        platform_1.EventBus])
], FulfillOrderHandler);
