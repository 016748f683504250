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
exports.PrescriptionRequest = void 0;
const typeorm_1 = require("typeorm");
let PrescriptionRequest = class PrescriptionRequest {
};
exports.PrescriptionRequest = PrescriptionRequest;
__decorate([
    (0, typeorm_1.PrimaryColumn)('uuid'),
    __metadata("design:type", String)
], PrescriptionRequest.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)('Encounter', (encounter) => encounter.requests, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'encounter_id' }),
    __metadata("design:type", Function)
], PrescriptionRequest.prototype, "encounter", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { name: 'encounter_id' }),
    __metadata("design:type", String)
], PrescriptionRequest.prototype, "encounterId", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { name: 'order_item_uuid' }),
    __metadata("design:type", String)
], PrescriptionRequest.prototype, "orderItemUuid", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { name: 'product_id' }),
    __metadata("design:type", String)
], PrescriptionRequest.prototype, "productId", void 0);
__decorate([
    (0, typeorm_1.Column)('integer'),
    __metadata("design:type", Number)
], PrescriptionRequest.prototype, "quantity", void 0);
__decorate([
    (0, typeorm_1.Column)('smallint'),
    __metadata("design:type", Number)
], PrescriptionRequest.prototype, "position", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], PrescriptionRequest.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { name: 'rejection_reason', nullable: true }),
    __metadata("design:type", Object)
], PrescriptionRequest.prototype, "rejectionReason", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { name: 'decided_by', nullable: true }),
    __metadata("design:type", Object)
], PrescriptionRequest.prototype, "decidedBy", void 0);
__decorate([
    (0, typeorm_1.Column)('timestamptz', { name: 'decided_at', nullable: true }),
    __metadata("design:type", Object)
], PrescriptionRequest.prototype, "decidedAt", void 0);
exports.PrescriptionRequest = PrescriptionRequest = __decorate([
    (0, typeorm_1.Entity)('prescription_requests')
], PrescriptionRequest);
