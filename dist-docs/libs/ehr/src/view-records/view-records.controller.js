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
exports.ViewRecordsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const platform_1 = require("../../../platform/src/index.js");
const typeorm_1 = require("typeorm");
const ehr_repository_1 = require("../ehr.repository");
const prescription_request_entity_1 = require("../prescription-request.entity");
const list_requests_query_1 = require("./list-requests.query");
const record_views_1 = require("./record.views");
/** Patients see only their own records; another patient's id answers 404 so ids do not leak. */
let ViewRecordsController = class ViewRecordsController {
    constructor(unitOfWork, ehr) {
        this.unitOfWork = unitOfWork;
        this.ehr = ehr;
    }
    /** The requests a provider may decide: in states they are licensed in, not owned by another. */
    async list(provider, query) {
        const states = await this.ehr.licensedStates(provider.id);
        if (states.length === 0)
            return [];
        const requests = await this.unitOfWork.manager
            .createQueryBuilder(prescription_request_entity_1.PrescriptionRequest, 'request')
            .innerJoinAndSelect('request.encounter', 'encounter')
            .where('request.status = :status', { status: query.status ?? 'pending' })
            .andWhere('encounter.fulfillmentState in (:...states)', { states })
            .andWhere(new typeorm_1.Brackets((owner) => owner
            .where('encounter.providerId is null')
            .orWhere('encounter.providerId = :me', { me: provider.id })))
            .orderBy('encounter.createdAt', 'ASC')
            .addOrderBy('request.position', 'ASC')
            .limit(200)
            .getMany();
        return requests.map((request) => (0, record_views_1.toRequestView)(request, request.encounter));
    }
    async encounter(user, id) {
        const encounter = await this.ehr.findEncounter(id);
        if (!encounter || (user.role === 'patient' && encounter.patientId !== user.id)) {
            throw new common_1.NotFoundException(`Encounter ${id} was not found.`);
        }
        const prescriptions = await this.ehr.findPrescriptionsOfEncounter(id);
        return {
            id: encounter.id,
            orderUuid: encounter.orderUuid,
            patientId: encounter.patientId,
            fulfillmentState: encounter.fulfillmentState,
            providerId: encounter.providerId,
            status: encounter.status,
            requests: encounter.requests.map((request) => (0, record_views_1.toRequestView)(request, encounter)),
            prescriptions: prescriptions.map(record_views_1.toPrescriptionView),
        };
    }
    async prescription(user, id) {
        const prescription = await this.ehr.findPrescription(id);
        if (!prescription || (user.role === 'patient' && prescription.patientId !== user.id)) {
            throw new common_1.NotFoundException(`Prescription ${id} was not found.`);
        }
        return (0, record_views_1.toPrescriptionView)(prescription);
    }
};
exports.ViewRecordsController = ViewRecordsController;
__decorate([
    (0, common_1.Get)('prescription-requests'),
    (0, platform_1.Roles)('provider'),
    (0, swagger_1.ApiOkResponse)({ type: [record_views_1.PrescriptionRequestView] }),
    __param(0, (0, platform_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, list_requests_query_1.ListRequestsQuery]),
    __metadata("design:returntype", Promise)
], ViewRecordsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)('encounters/:id'),
    (0, swagger_1.ApiOkResponse)({ type: record_views_1.EncounterView }),
    __param(0, (0, platform_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', new common_1.ParseUUIDPipe())),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], ViewRecordsController.prototype, "encounter", null);
__decorate([
    (0, common_1.Get)('prescriptions/:id'),
    (0, swagger_1.ApiOkResponse)({ type: record_views_1.PrescriptionView }),
    __param(0, (0, platform_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', new common_1.ParseUUIDPipe())),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], ViewRecordsController.prototype, "prescription", null);
exports.ViewRecordsController = ViewRecordsController = __decorate([
    (0, swagger_1.ApiTags)('clinical review'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [platform_1.UnitOfWork,
        ehr_repository_1.EhrRepository])
], ViewRecordsController);
