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
var Notification_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.Notification = exports.NOTIFICATION_KINDS = void 0;
const node_crypto_1 = require("node:crypto");
const typeorm_1 = require("typeorm");
exports.NOTIFICATION_KINDS = ['order_shipped', 'order_cancelled'];
/** A message to a patient about one of their orders; at most one of each kind per order. */
let Notification = Notification_1 = class Notification {
    static orderShipped(order) {
        return Notification_1.create('order_shipped', order, `Your order ${order.orderUuid} has shipped. Tracking number: ${order.trackingNumber}.`);
    }
    static orderCancelled(order) {
        return Notification_1.create('order_cancelled', order, `Your order ${order.orderUuid} was cancelled: no item was approved in clinical review, ` +
            'so nothing will ship.');
    }
    static create(kind, { orderUuid, patientId }, message) {
        return Object.assign(new Notification_1(), {
            id: (0, node_crypto_1.randomUUID)(),
            patientId,
            kind,
            orderUuid,
            message,
        });
    }
};
exports.Notification = Notification;
__decorate([
    (0, typeorm_1.PrimaryColumn)('uuid'),
    __metadata("design:type", String)
], Notification.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { name: 'patient_id' }),
    __metadata("design:type", String)
], Notification.prototype, "patientId", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], Notification.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { name: 'order_uuid' }),
    __metadata("design:type", String)
], Notification.prototype, "orderUuid", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], Notification.prototype, "message", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], Notification.prototype, "createdAt", void 0);
exports.Notification = Notification = Notification_1 = __decorate([
    (0, typeorm_1.Entity)('notifications')
], Notification);
