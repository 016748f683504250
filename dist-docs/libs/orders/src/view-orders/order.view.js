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
exports.OrderView = exports.OrderItemView = void 0;
exports.toOrderView = toOrderView;
const swagger_1 = require("@nestjs/swagger");
const order_status_1 = require("../order-status");
class OrderItemView {
}
exports.OrderItemView = OrderItemView;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], OrderItemView.prototype, "uuid", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], OrderItemView.prototype, "productId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], OrderItemView.prototype, "quantity", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], OrderItemView.prototype, "requiresPrescription", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: order_status_1.ORDER_ITEM_STATUSES }),
    __metadata("design:type", String)
], OrderItemView.prototype, "status", void 0);
class OrderView {
}
exports.OrderView = OrderView;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], OrderView.prototype, "uuid", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: order_status_1.ORDER_STATUSES }),
    __metadata("design:type", String)
], OrderView.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'CA' }),
    __metadata("design:type", String)
], OrderView.prototype, "fulfillmentState", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], OrderView.prototype, "trackingNumber", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [OrderItemView] }),
    __metadata("design:type", Array)
], OrderView.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], OrderView.prototype, "createdAt", void 0);
function toOrderView(order) {
    return {
        uuid: order.uuid,
        status: order.status,
        fulfillmentState: order.fulfillmentState,
        trackingNumber: order.trackingNumber,
        items: order.items.map((item) => ({
            uuid: item.uuid,
            productId: item.productId,
            quantity: item.quantity,
            requiresPrescription: item.requiresPrescription,
            status: item.status,
        })),
        createdAt: order.createdAt.toISOString(),
    };
}
