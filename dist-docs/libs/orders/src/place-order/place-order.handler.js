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
exports.PlaceOrderHandler = void 0;
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const contracts_1 = require("../../../contracts/src/index.js");
const platform_1 = require("../../../platform/src/index.js");
const node_crypto_1 = require("node:crypto");
const typeorm_1 = require("typeorm");
const product_entity_1 = require("../catalog/product.entity");
const order_item_entity_1 = require("../order-item.entity");
const order_entity_1 = require("../order.entity");
const orders_repository_1 = require("../orders.repository");
const order_view_1 = require("../view-orders/order.view");
const idempotency_keys_1 = require("./idempotency-keys");
const place_order_command_1 = require("./place-order.command");
let PlaceOrderHandler = class PlaceOrderHandler {
    constructor(unitOfWork, orders, idempotencyKeys, events) {
        this.unitOfWork = unitOfWork;
        this.orders = orders;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.logger = new common_1.Logger('Orders');
    }
    execute({ patientId, request, idempotencyKey }) {
        return this.unitOfWork.run(async () => {
            if (idempotencyKey) {
                const first = await this.idempotencyKeys.claim(patientId, idempotencyKey, request);
                if (first)
                    return first.replay;
            }
            const order = this.newOrder(patientId, request.fulfillmentState, await this.products(request));
            // An order without prescription items needs no review: it is ready the moment it exists.
            const readyAtOnce = order.concludeReviewIfComplete() === 'ready_for_fulfillment';
            await this.orders.insert(order);
            // Said only once it is true: after the commit.
            await this.unitOfWork.afterCommit(() => this.logger.log({ orderUuid: order.uuid, patientId }, `Order ${order.uuid} placed with ${order.items.length} items`));
            await this.events.publish(new contracts_1.OrderPlacedEvent({
                orderUuid: order.uuid,
                patientId,
                fulfillmentState: order.fulfillmentState,
                items: order.items.map((item) => ({
                    orderItemUuid: item.uuid,
                    productId: item.productId,
                    quantity: item.quantity,
                    requiresPrescription: item.requiresPrescription,
                })),
            }));
            if (readyAtOnce) {
                await this.events.publish(new contracts_1.OrderReadyForFulfillmentEvent({ orderUuid: order.uuid, patientId }));
            }
            const view = (0, order_view_1.toOrderView)(order);
            if (idempotencyKey)
                await this.idempotencyKeys.complete(patientId, idempotencyKey, view);
            return view;
        });
    }
    async products(request) {
        const ids = request.items.map((line) => line.productId);
        const errors = ids.flatMap((id, index) => ids.indexOf(id) !== index
            ? [{ field: `items.${index}.productId`, message: `product ${id} is listed more than once` }]
            : []);
        const found = await this.unitOfWork.manager.findBy(product_entity_1.Product, { id: (0, typeorm_1.In)(ids) });
        const byId = new Map(found.map((product) => [product.id, product]));
        ids.forEach((id, index) => {
            if (!byId.has(id))
                errors.push({ field: `items.${index}.productId`, message: `unknown product ${id}` });
        });
        if (errors.length > 0) {
            throw new common_1.BadRequestException({
                title: 'Validation Failed',
                detail: 'The order lists unknown or repeated products.',
                errors,
            });
        }
        return request.items.map((line) => ({
            product: byId.get(line.productId),
            quantity: line.quantity,
        }));
    }
    newOrder(patientId, fulfillmentState, lines) {
        const order = Object.assign(new order_entity_1.Order(), {
            uuid: (0, node_crypto_1.randomUUID)(),
            patientId,
            status: 'pending_clinical_review',
            fulfillmentState,
            trackingNumber: null,
            createdAt: new Date(),
            updatedAt: new Date(),
        });
        order.items = lines.map(({ product, quantity }, position) => Object.assign(new order_item_entity_1.OrderItem(), {
            uuid: (0, node_crypto_1.randomUUID)(),
            position,
            productId: product.id,
            quantity,
            requiresPrescription: product.requiresPrescription,
            status: product.requiresPrescription ? 'pending_review' : 'not_required',
        }));
        return order;
    }
};
exports.PlaceOrderHandler = PlaceOrderHandler;
exports.PlaceOrderHandler = PlaceOrderHandler = __decorate([
    (0, cqrs_1.CommandHandler)(place_order_command_1.PlaceOrderCommand),
    __metadata("design:paramtypes", [platform_1.UnitOfWork,
        orders_repository_1.OrdersRepository,
        idempotency_keys_1.IdempotencyKeys,
        platform_1.EventBus])
], PlaceOrderHandler);
