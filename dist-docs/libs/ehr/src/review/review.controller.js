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
exports.ReviewController = void 0;
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const swagger_1 = require("@nestjs/swagger");
const platform_1 = require("../../../platform/src/index.js");
const approve_prescription_request_command_1 = require("./approve-prescription-request.command");
const reject_prescription_request_command_1 = require("./reject-prescription-request.command");
const review_requests_1 = require("./review.requests");
const review_views_1 = require("./review.views");
let ReviewController = class ReviewController {
    constructor(commands) {
        this.commands = commands;
    }
    approve(provider, id, body) {
        return this.commands.execute(new approve_prescription_request_command_1.ApprovePrescriptionRequestCommand(provider.id, id, body.sig, body.refills));
    }
    reject(provider, id, body) {
        return this.commands.execute(new reject_prescription_request_command_1.RejectPrescriptionRequestCommand(provider.id, id, body.reason));
    }
};
exports.ReviewController = ReviewController;
__decorate([
    (0, common_1.Post)(':id/approve'),
    (0, common_1.HttpCode)(201),
    (0, platform_1.Roles)('provider'),
    (0, swagger_1.ApiCreatedResponse)({ type: review_views_1.ApprovalView }),
    __param(0, (0, platform_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', new common_1.ParseUUIDPipe())),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, review_requests_1.ApproveRequest]),
    __metadata("design:returntype", Promise)
], ReviewController.prototype, "approve", null);
__decorate([
    (0, common_1.Post)(':id/reject'),
    (0, common_1.HttpCode)(200),
    (0, platform_1.Roles)('provider'),
    (0, swagger_1.ApiOkResponse)({ type: review_views_1.RejectionView }),
    __param(0, (0, platform_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', new common_1.ParseUUIDPipe())),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, review_requests_1.RejectRequest]),
    __metadata("design:returntype", Promise)
], ReviewController.prototype, "reject", null);
exports.ReviewController = ReviewController = __decorate([
    (0, swagger_1.ApiTags)('clinical review'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)('prescription-requests'),
    __metadata("design:paramtypes", [cqrs_1.CommandBus])
], ReviewController);
