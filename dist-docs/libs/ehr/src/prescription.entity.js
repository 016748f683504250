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
exports.Prescription = void 0;
const typeorm_1 = require("typeorm");
let Prescription = class Prescription {
    /** Records the network's answer. Returns false when it was already recorded. */
    markTransmitted(erxReference) {
        if (this.status === 'transmitted')
            return false;
        this.status = 'transmitted';
        this.erxReference = erxReference;
        this.transmittedAt = new Date();
        return true;
    }
    markTransmissionFailed(reason) {
        if (this.status !== 'pending_transmission')
            return false;
        this.status = 'transmission_failed';
        this.failureReason = reason.slice(0, 1000);
        return true;
    }
};
exports.Prescription = Prescription;
__decorate([
    (0, typeorm_1.PrimaryColumn)('uuid'),
    __metadata("design:type", String)
], Prescription.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { name: 'prescription_request_id', unique: true }),
    __metadata("design:type", String)
], Prescription.prototype, "prescriptionRequestId", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { name: 'encounter_id' }),
    __metadata("design:type", String)
], Prescription.prototype, "encounterId", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { name: 'patient_id' }),
    __metadata("design:type", String)
], Prescription.prototype, "patientId", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { name: 'provider_id' }),
    __metadata("design:type", String)
], Prescription.prototype, "providerId", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { name: 'product_id' }),
    __metadata("design:type", String)
], Prescription.prototype, "productId", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], Prescription.prototype, "sig", void 0);
__decorate([
    (0, typeorm_1.Column)('smallint'),
    __metadata("design:type", Number)
], Prescription.prototype, "refills", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], Prescription.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { name: 'erx_reference', nullable: true }),
    __metadata("design:type", Object)
], Prescription.prototype, "erxReference", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { name: 'failure_reason', nullable: true }),
    __metadata("design:type", Object)
], Prescription.prototype, "failureReason", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], Prescription.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)('timestamptz', { name: 'transmitted_at', nullable: true }),
    __metadata("design:type", Object)
], Prescription.prototype, "transmittedAt", void 0);
exports.Prescription = Prescription = __decorate([
    (0, typeorm_1.Entity)('prescriptions')
], Prescription);
