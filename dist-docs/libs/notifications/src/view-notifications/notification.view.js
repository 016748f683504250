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
exports.NotificationView = void 0;
exports.toNotificationView = toNotificationView;
const swagger_1 = require("@nestjs/swagger");
const notification_entity_1 = require("../notification.entity");
class NotificationView {
}
exports.NotificationView = NotificationView;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], NotificationView.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: notification_entity_1.NOTIFICATION_KINDS }),
    __metadata("design:type", String)
], NotificationView.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], NotificationView.prototype, "orderUuid", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Your order has shipped. Tracking number: TRK-1A2B3C.' }),
    __metadata("design:type", String)
], NotificationView.prototype, "message", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], NotificationView.prototype, "createdAt", void 0);
function toNotificationView(notification) {
    return {
        id: notification.id,
        kind: notification.kind,
        orderUuid: notification.orderUuid,
        message: notification.message,
        createdAt: notification.createdAt.toISOString(),
    };
}
