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
exports.EncounterView = exports.PrescriptionView = exports.PrescriptionRequestView = void 0;
exports.toRequestView = toRequestView;
exports.toPrescriptionView = toPrescriptionView;
const swagger_1 = require("@nestjs/swagger");
const statuses_1 = require("../statuses");
class PrescriptionRequestView {
}
exports.PrescriptionRequestView = PrescriptionRequestView;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], PrescriptionRequestView.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], PrescriptionRequestView.prototype, "encounterId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], PrescriptionRequestView.prototype, "orderUuid", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], PrescriptionRequestView.prototype, "orderItemUuid", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], PrescriptionRequestView.prototype, "productId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], PrescriptionRequestView.prototype, "quantity", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], PrescriptionRequestView.prototype, "patientId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'CA' }),
    __metadata("design:type", String)
], PrescriptionRequestView.prototype, "fulfillmentState", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: statuses_1.REQUEST_STATUSES }),
    __metadata("design:type", String)
], PrescriptionRequestView.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], PrescriptionRequestView.prototype, "rejectionReason", void 0);
class PrescriptionView {
}
exports.PrescriptionView = PrescriptionView;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], PrescriptionView.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], PrescriptionView.prototype, "prescriptionRequestId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], PrescriptionView.prototype, "encounterId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], PrescriptionView.prototype, "patientId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], PrescriptionView.prototype, "providerId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], PrescriptionView.prototype, "productId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], PrescriptionView.prototype, "sig", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], PrescriptionView.prototype, "refills", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: statuses_1.PRESCRIPTION_STATUSES }),
    __metadata("design:type", String)
], PrescriptionView.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], PrescriptionView.prototype, "erxReference", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], PrescriptionView.prototype, "failureReason", void 0);
class EncounterView {
}
exports.EncounterView = EncounterView;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], EncounterView.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], EncounterView.prototype, "orderUuid", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], EncounterView.prototype, "patientId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'CA' }),
    __metadata("design:type", String)
], EncounterView.prototype, "fulfillmentState", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, format: 'uuid' }),
    __metadata("design:type", Object)
], EncounterView.prototype, "providerId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: statuses_1.ENCOUNTER_STATUSES }),
    __metadata("design:type", String)
], EncounterView.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [PrescriptionRequestView] }),
    __metadata("design:type", Array)
], EncounterView.prototype, "requests", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [PrescriptionView] }),
    __metadata("design:type", Array)
], EncounterView.prototype, "prescriptions", void 0);
function toRequestView(request, encounter) {
    return {
        id: request.id,
        encounterId: encounter.id,
        orderUuid: encounter.orderUuid,
        orderItemUuid: request.orderItemUuid,
        productId: request.productId,
        quantity: request.quantity,
        patientId: encounter.patientId,
        fulfillmentState: encounter.fulfillmentState,
        status: request.status,
        rejectionReason: request.rejectionReason,
    };
}
function toPrescriptionView(p) {
    return {
        id: p.id,
        prescriptionRequestId: p.prescriptionRequestId,
        encounterId: p.encounterId,
        patientId: p.patientId,
        providerId: p.providerId,
        productId: p.productId,
        sig: p.sig,
        refills: p.refills,
        status: p.status,
        erxReference: p.erxReference,
        failureReason: p.failureReason,
    };
}
