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
exports.OrdersRepository = void 0;
const common_1 = require("@nestjs/common");
const platform_1 = require("../../platform/src/index.js");
const order_item_entity_1 = require("./order-item.entity");
const order_entity_1 = require("./order.entity");
/** Orders as the current unit of work sees them. */
let OrdersRepository = class OrdersRepository {
    constructor(unitOfWork) {
        this.unitOfWork = unitOfWork;
    }
    async insert(order) {
        const manager = this.unitOfWork.manager;
        await manager.insert(order_entity_1.Order, { ...order, items: undefined });
        await manager.insert(order_item_entity_1.OrderItem, order.items.map((item) => ({ ...item, order: { uuid: order.uuid } })));
    }
    find(uuid) {
        return this.unitOfWork.manager.findOne(order_entity_1.Order, {
            where: { uuid },
            relations: { items: true },
            order: { items: { position: 'ASC' } },
        });
    }
    /**
     * Loads the order holding a row lock until the transaction ends, so that decisions about the
     * same order serialise and the last one sees every other's effect.
     */
    async findForUpdate(uuid) {
        const manager = this.unitOfWork.manager;
        const order = await manager.findOne(order_entity_1.Order, {
            where: { uuid },
            lock: { mode: 'pessimistic_write' },
        });
        if (!order)
            return null;
        order.items = await manager.find(order_item_entity_1.OrderItem, {
            where: { order: { uuid } },
            order: { position: 'ASC' },
        });
        return order;
    }
    findForPatient(patientId) {
        return this.unitOfWork.manager.find(order_entity_1.Order, {
            where: { patientId },
            relations: { items: true },
            order: { createdAt: 'DESC', items: { position: 'ASC' } },
        });
    }
    async saveStatus(order, changedItems = []) {
        const manager = this.unitOfWork.manager;
        for (const item of changedItems) {
            await manager.update(order_item_entity_1.OrderItem, { uuid: item.uuid }, { status: item.status });
        }
        await manager.update(order_entity_1.Order, { uuid: order.uuid }, { status: order.status, trackingNumber: order.trackingNumber });
    }
};
exports.OrdersRepository = OrdersRepository;
exports.OrdersRepository = OrdersRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [platform_1.UnitOfWork])
], OrdersRepository);
