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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PlaceOrderController = void 0;
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const swagger_1 = require("@nestjs/swagger");
const platform_1 = require("../../../platform/src/index.js");
const order_view_1 = require("../view-orders/order.view");
const place_order_command_1 = require("./place-order.command");
const place_order_request_1 = require("./place-order.request");
const idempotency_key_header_1 = require("./idempotency-key.header");
let PlaceOrderController = class PlaceOrderController {
    constructor(commands) {
        this.commands = commands;
    }
    place(patient, request, idempotencyKey) {
        const key = (0, idempotency_key_header_1.parseIdempotencyKey)(idempotencyKey);
        return this.commands.execute(new place_order_command_1.PlaceOrderCommand(patient.id, request, key));
    }
};
exports.PlaceOrderController = PlaceOrderController;
__decorate([
    (0, common_1.Post)(),
    (0, common_1.HttpCode)(201),
    (0, platform_1.Roles)('patient'),
    (0, swagger_1.ApiHeader)({
        name: 'Idempotency-Key',
        required: false,
        description: 'Makes retries safe: a replay returns the first answer.',
    }),
    (0, swagger_1.ApiCreatedResponse)({ type: order_view_1.OrderView }),
    __param(0, (0, platform_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, common_1.Headers)('idempotency-key')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, place_order_request_1.PlaceOrderRequest, String]),
    __metadata("design:returntype", Promise)
], PlaceOrderController.prototype, "place", null);
exports.PlaceOrderController = PlaceOrderController = __decorate([
    (0, swagger_1.ApiTags)('orders'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)('orders'),
    __metadata("design:paramtypes", [cqrs_1.CommandBus])
], PlaceOrderController);
