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
exports.PublicationsAdminController = exports.ResubmittedView = exports.PublicationCountsView = exports.PublicationView = exports.ListPublicationsRequest = exports.ResubmitRequest = exports.PublicationFilterRequest = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const auth_decorators_1 = require("../../auth/auth.decorators");
const event_publication_entity_1 = require("./event-publication.entity");
const publication_store_1 = require("./publication-store");
const unit_of_work_1 = require("../../transactions/unit-of-work");
class PublicationFilterRequest {
}
exports.PublicationFilterRequest = PublicationFilterRequest;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: event_publication_entity_1.PUBLICATION_STATUSES }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(event_publication_entity_1.PUBLICATION_STATUSES),
    __metadata("design:type", String)
], PublicationFilterRequest.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'ehr.prescription-request-approved' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], PublicationFilterRequest.prototype, "eventType", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'orders.mark-item-approved-when-prescription-approved' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], PublicationFilterRequest.prototype, "subscriber", void 0);
class ResubmitRequest {
}
exports.ResubmitRequest = ResubmitRequest;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'ehr.prescription-request-approved' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], ResubmitRequest.prototype, "eventType", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'ehr.enqueue-erx-submission-when-request-approved' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], ResubmitRequest.prototype, "subscriber", void 0);
class ListPublicationsRequest extends PublicationFilterRequest {
}
exports.ListPublicationsRequest = ListPublicationsRequest;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 50, minimum: 1, maximum: 500 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(500),
    __metadata("design:type", Number)
], ListPublicationsRequest.prototype, "limit", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 0, minimum: 0 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    __metadata("design:type", Number)
], ListPublicationsRequest.prototype, "offset", void 0);
class PublicationView {
}
exports.PublicationView = PublicationView;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], PublicationView.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], PublicationView.prototype, "eventId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'ehr.prescription-request-approved' }),
    __metadata("design:type", String)
], PublicationView.prototype, "eventType", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], PublicationView.prototype, "eventVersion", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'The serialized event: payload and metadata.' }),
    __metadata("design:type", Object)
], PublicationView.prototype, "event", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'orders.mark-item-approved-when-prescription-approved' }),
    __metadata("design:type", String)
], PublicationView.prototype, "subscriber", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: event_publication_entity_1.PUBLICATION_STATUSES }),
    __metadata("design:type", String)
], PublicationView.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], PublicationView.prototype, "attempts", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], PublicationView.prototype, "lastError", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'When a retry is due, or until when a process holds it.' }),
    __metadata("design:type", Date)
], PublicationView.prototype, "nextAttemptAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Date)
], PublicationView.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: Date, nullable: true }),
    __metadata("design:type", Object)
], PublicationView.prototype, "completedAt", void 0);
class PublicationCountsView {
}
exports.PublicationCountsView = PublicationCountsView;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], PublicationCountsView.prototype, "pending", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], PublicationCountsView.prototype, "completed", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], PublicationCountsView.prototype, "failed", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        type: Number,
        nullable: true,
        description: 'Age of the oldest pending publication, ms.',
    }),
    __metadata("design:type", Object)
], PublicationCountsView.prototype, "oldestPendingAgeMs", void 0);
class ResubmittedView {
}
exports.ResubmittedView = ResubmittedView;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ResubmittedView.prototype, "resubmitted", void 0);
/** Operating the event publication registry: look at what is owed, and retry what failed. */
let PublicationsAdminController = class PublicationsAdminController {
    constructor(store, unitOfWork) {
        this.store = store;
        this.unitOfWork = unitOfWork;
    }
    list({ limit = 50, offset = 0, ...filter }) {
        return this.store.list(filter, limit, offset);
    }
    counts() {
        return this.store.counts();
    }
    async resubmitOne(id) {
        const resubmitted = await this.unitOfWork.run(() => this.store.resubmit({ id }));
        if (resubmitted === 0)
            throw new common_1.NotFoundException(`No failed publication has the id ${id}.`);
        return { resubmitted };
    }
    /** Every failed publication matching the filter goes back in line. */
    async resubmitMany(filter) {
        const { eventType, subscriber } = filter;
        return {
            resubmitted: await this.unitOfWork.run(() => this.store.resubmit({ eventType, subscriber })),
        };
    }
};
exports.PublicationsAdminController = PublicationsAdminController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOkResponse)({ type: [PublicationView], description: 'Publications, newest first.' }),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [ListPublicationsRequest]),
    __metadata("design:returntype", Promise)
], PublicationsAdminController.prototype, "list", null);
__decorate([
    (0, common_1.Get)('counts'),
    (0, swagger_1.ApiOkResponse)({ type: PublicationCountsView }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], PublicationsAdminController.prototype, "counts", null);
__decorate([
    (0, common_1.Post)(':id/resubmit'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOkResponse)({ type: ResubmittedView }),
    __param(0, (0, common_1.Param)('id', new common_1.ParseUUIDPipe())),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], PublicationsAdminController.prototype, "resubmitOne", null);
__decorate([
    (0, common_1.Post)('resubmit'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOkResponse)({ type: ResubmittedView }),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [ResubmitRequest]),
    __metadata("design:returntype", Promise)
], PublicationsAdminController.prototype, "resubmitMany", null);
exports.PublicationsAdminController = PublicationsAdminController = __decorate([
    (0, swagger_1.ApiTags)('admin: event publications'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, auth_decorators_1.Roles)('admin'),
    (0, common_1.Controller)('admin/event-publications'),
    __metadata("design:paramtypes", [publication_store_1.PublicationStore,
        unit_of_work_1.UnitOfWork])
], PublicationsAdminController);
