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
exports.Order = void 0;
const typeorm_1 = require("typeorm");
const order_item_entity_1 = require("./order-item.entity");
/**
 * An order and the rules about its lifecycle. Clinical decisions arrive per item, in any order
 * and possibly more than once; the order concludes its review exactly once, when the last item
 * is decided. Callers hold a row lock on the order while they apply decisions.
 */
let Order = class Order {
    /** Applies one item's decision. Returns the items changed: none when it was already applied. */
    recordDecision(orderItemUuid, decision) {
        const item = this.items.find((candidate) => candidate.uuid === orderItemUuid);
        if (!item)
            throw new Error(`Order ${this.uuid} has no item ${orderItemUuid}`);
        if (item.status !== 'pending_review')
            return [];
        item.status = decision;
        return [item];
    }
    /**
     * Concludes clinical review once every item is decided: ready when at least one item can ship,
     * cancelled otherwise. Returns the outcome only on the call that makes the transition.
     */
    concludeReviewIfComplete() {
        if (this.status !== 'pending_clinical_review')
            return null;
        if (!this.items.every((item) => item.isDecided))
            return null;
        this.status = this.items.some((item) => item.canShip) ? 'ready_for_fulfillment' : 'cancelled';
        return this.status;
    }
    /** Records the shipment. Returns false when the order was already fulfilled. */
    markFulfilled(trackingNumber) {
        if (this.status === 'fulfilled')
            return false;
        if (this.status !== 'ready_for_fulfillment') {
            throw new Error(`Order ${this.uuid} cannot be fulfilled from ${this.status}`);
        }
        this.status = 'fulfilled';
        this.trackingNumber = trackingNumber;
        return true;
    }
    get shippableItems() {
        return this.items.filter((item) => item.canShip);
    }
};
exports.Order = Order;
__decorate([
    (0, typeorm_1.PrimaryColumn)('uuid'),
    __metadata("design:type", String)
], Order.prototype, "uuid", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { name: 'patient_id' }),
    __metadata("design:type", String)
], Order.prototype, "patientId", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], Order.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)('char', { name: 'fulfillment_state', length: 2 }),
    __metadata("design:type", String)
], Order.prototype, "fulfillmentState", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { name: 'tracking_number', nullable: true }),
    __metadata("design:type", Object)
], Order.prototype, "trackingNumber", void 0);
__decorate([
    (0, typeorm_1.OneToMany)(() => order_item_entity_1.OrderItem, (item) => item.order, { cascade: ['insert'] }),
    __metadata("design:type", Array)
], Order.prototype, "items", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], Order.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], Order.prototype, "updatedAt", void 0);
exports.Order = Order = __decorate([
    (0, typeorm_1.Entity)('orders')
], Order);
