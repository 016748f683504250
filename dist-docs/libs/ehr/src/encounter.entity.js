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
exports.Encounter = void 0;
const typeorm_1 = require("typeorm");
const prescription_request_entity_1 = require("./prescription-request.entity");
/**
 * One clinical review of an order's prescription items. It belongs to the first provider who
 * decides one of its requests, and completes when the last request is decided. Callers hold a
 * row lock on the encounter while deciding, so two decisions never interleave.
 */
let Encounter = class Encounter {
    refusalFor(request, providerId, licensedStates) {
        if (!licensedStates.includes(this.fulfillmentState))
            return 'not-licensed';
        if (this.providerId && this.providerId !== providerId)
            return 'owned-by-another-provider';
        if (request.status !== 'pending')
            return 'not-pending';
        return null;
    }
    /** Records a decision already checked by {@link refusalFor}. */
    decide(request, providerId, decision) {
        this.providerId = providerId;
        request.status = decision;
        request.decidedBy = providerId;
        request.decidedAt = new Date();
    }
    /** Completes the encounter when its last request is decided; true only on that call. */
    completeIfAllDecided() {
        if (this.status === 'completed')
            return false;
        if (this.requests.some((request) => request.status === 'pending'))
            return false;
        this.status = 'completed';
        this.completedAt = new Date();
        return true;
    }
    itemsWith(status) {
        return this.requests.filter((r) => r.status === status).map((r) => r.orderItemUuid);
    }
};
exports.Encounter = Encounter;
__decorate([
    (0, typeorm_1.PrimaryColumn)('uuid'),
    __metadata("design:type", String)
], Encounter.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { name: 'order_uuid', unique: true }),
    __metadata("design:type", String)
], Encounter.prototype, "orderUuid", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { name: 'patient_id' }),
    __metadata("design:type", String)
], Encounter.prototype, "patientId", void 0);
__decorate([
    (0, typeorm_1.Column)('char', { name: 'fulfillment_state', length: 2 }),
    __metadata("design:type", String)
], Encounter.prototype, "fulfillmentState", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { name: 'provider_id', nullable: true }),
    __metadata("design:type", Object)
], Encounter.prototype, "providerId", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], Encounter.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.OneToMany)(() => prescription_request_entity_1.PrescriptionRequest, (request) => request.encounter),
    __metadata("design:type", Array)
], Encounter.prototype, "requests", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], Encounter.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)('timestamptz', { name: 'completed_at', nullable: true }),
    __metadata("design:type", Object)
], Encounter.prototype, "completedAt", void 0);
exports.Encounter = Encounter = __decorate([
    (0, typeorm_1.Entity)('encounters')
], Encounter);
