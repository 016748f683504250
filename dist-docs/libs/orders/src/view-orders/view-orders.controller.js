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
exports.ViewOrdersController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const platform_1 = require("../../../platform/src/index.js");
const orders_repository_1 = require("../orders.repository");
const order_view_1 = require("./order.view");
let ViewOrdersController = class ViewOrdersController {
    constructor(orders) {
        this.orders = orders;
    }
    async mine(patient) {
        return (await this.orders.findForPatient(patient.id)).map(order_view_1.toOrderView);
    }
    /** Patients see only their own orders: another patient's order answers 404, not 403, so ids do not leak. */
    async one(user, uuid) {
        const order = await this.orders.find(uuid);
        if (!order || (user.role === 'patient' && order.patientId !== user.id)) {
            throw new common_1.NotFoundException(`Order ${uuid} was not found.`);
        }
        return (0, order_view_1.toOrderView)(order);
    }
};
exports.ViewOrdersController = ViewOrdersController;
__decorate([
    (0, common_1.Get)(),
    (0, platform_1.Roles)('patient'),
    (0, swagger_1.ApiOkResponse)({ type: [order_view_1.OrderView] }),
    __param(0, (0, platform_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], ViewOrdersController.prototype, "mine", null);
__decorate([
    (0, common_1.Get)(':uuid'),
    (0, swagger_1.ApiOkResponse)({ type: order_view_1.OrderView }),
    __param(0, (0, platform_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('uuid', new common_1.ParseUUIDPipe({ version: '4' }))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], ViewOrdersController.prototype, "one", null);
exports.ViewOrdersController = ViewOrdersController = __decorate([
    (0, swagger_1.ApiTags)('orders'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)('orders'),
    __metadata("design:paramtypes", [orders_repository_1.OrdersRepository])
], ViewOrdersController);
