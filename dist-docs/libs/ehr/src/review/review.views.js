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
exports.RejectionView = exports.ApprovalView = exports.CreatedPrescriptionView = exports.DecidedRequestView = void 0;
const swagger_1 = require("@nestjs/swagger");
const statuses_1 = require("../statuses");
class DecidedRequestView {
}
exports.DecidedRequestView = DecidedRequestView;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], DecidedRequestView.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: statuses_1.REQUEST_STATUSES }),
    __metadata("design:type", String)
], DecidedRequestView.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, required: false }),
    __metadata("design:type", Object)
], DecidedRequestView.prototype, "reason", void 0);
class CreatedPrescriptionView {
}
exports.CreatedPrescriptionView = CreatedPrescriptionView;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], CreatedPrescriptionView.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: statuses_1.PRESCRIPTION_STATUSES }),
    __metadata("design:type", String)
], CreatedPrescriptionView.prototype, "status", void 0);
class ApprovalView {
}
exports.ApprovalView = ApprovalView;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", DecidedRequestView)
], ApprovalView.prototype, "request", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", CreatedPrescriptionView)
], ApprovalView.prototype, "prescription", void 0);
class RejectionView {
}
exports.RejectionView = RejectionView;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", DecidedRequestView)
], RejectionView.prototype, "request", void 0);
