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
exports.EhrRepository = void 0;
const common_1 = require("@nestjs/common");
const platform_1 = require("../../platform/src/index.js");
const encounter_entity_1 = require("./encounter.entity");
const prescription_request_entity_1 = require("./prescription-request.entity");
const prescription_entity_1 = require("./prescription.entity");
const provider_license_entity_1 = require("./providers/provider-license.entity");
/** EHR records as the current unit of work sees them. */
let EhrRepository = class EhrRepository {
    constructor(unitOfWork) {
        this.unitOfWork = unitOfWork;
    }
    get manager() {
        return this.unitOfWork.manager;
    }
    async insertEncounter(encounter) {
        await this.manager.insert(encounter_entity_1.Encounter, { ...encounter, requests: undefined });
        await this.manager.insert(prescription_request_entity_1.PrescriptionRequest, encounter.requests.map((request) => ({ ...request, encounter: undefined })));
    }
    encounterExistsForOrder(orderUuid) {
        return this.manager.existsBy(encounter_entity_1.Encounter, { orderUuid });
    }
    findEncounter(id) {
        return this.manager.findOne(encounter_entity_1.Encounter, {
            where: { id },
            relations: { requests: true },
            order: { requests: { position: 'ASC' } },
        });
    }
    /**
     * Loads a request with its whole encounter, the encounter row locked until the transaction
     * ends: decisions on one encounter serialise, so ownership and completion are decided once.
     */
    async findRequestForDecision(requestId) {
        const found = await this.manager.findOneBy(prescription_request_entity_1.PrescriptionRequest, { id: requestId });
        if (!found)
            return null;
        const encounter = await this.manager.findOne(encounter_entity_1.Encounter, {
            where: { id: found.encounterId },
            lock: { mode: 'pessimistic_write' },
        });
        if (!encounter)
            return null;
        encounter.requests = await this.manager.find(prescription_request_entity_1.PrescriptionRequest, {
            where: { encounterId: encounter.id },
            order: { position: 'ASC' },
        });
        const request = encounter.requests.find((candidate) => candidate.id === requestId);
        return { encounter, request };
    }
    async saveDecision(encounter, request) {
        const { status, rejectionReason, decidedBy, decidedAt } = request;
        await this.manager.update(prescription_request_entity_1.PrescriptionRequest, { id: request.id }, { status, rejectionReason, decidedBy, decidedAt });
        await this.manager.update(encounter_entity_1.Encounter, { id: encounter.id }, {
            providerId: encounter.providerId,
            status: encounter.status,
            completedAt: encounter.completedAt,
        });
    }
    async licensedStates(providerId) {
        const licenses = await this.manager.findBy(provider_license_entity_1.ProviderLicense, { providerId });
        return licenses.map((license) => license.state);
    }
    async insertPrescription(prescription) {
        await this.manager.insert(prescription_entity_1.Prescription, prescription);
    }
    findPrescription(id) {
        return this.manager.findOneBy(prescription_entity_1.Prescription, { id });
    }
    findPrescriptionForUpdate(id) {
        return this.manager.findOne(prescription_entity_1.Prescription, {
            where: { id },
            lock: { mode: 'pessimistic_write' },
        });
    }
    findPrescriptionsOfEncounter(encounterId) {
        return this.manager.find(prescription_entity_1.Prescription, { where: { encounterId }, order: { createdAt: 'ASC' } });
    }
    async savePrescriptionStatus(prescription) {
        const { status, erxReference, failureReason, transmittedAt } = prescription;
        await this.manager.update(prescription_entity_1.Prescription, { id: prescription.id }, { status, erxReference, failureReason, transmittedAt });
    }
};
exports.EhrRepository = EhrRepository;
exports.EhrRepository = EhrRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [platform_1.UnitOfWork])
], EhrRepository);
