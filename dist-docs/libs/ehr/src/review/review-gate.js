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
exports.ReviewGate = void 0;
const common_1 = require("@nestjs/common");
const contracts_1 = require("../../../contracts/src/index.js");
const platform_1 = require("../../../platform/src/index.js");
const ehr_repository_1 = require("../ehr.repository");
const REFUSALS = {
    'not-licensed': () => new common_1.ForbiddenException("You are not licensed in this order's fulfillment state."),
    'owned-by-another-provider': () => new common_1.ForbiddenException('Another provider is already reviewing this encounter.'),
    'not-pending': (request) => new common_1.ConflictException(`This prescription request is already ${request.status}.`),
};
/**
 * What approving and rejecting share: the request is found with its encounter locked, the
 * provider is checked against the rules, and the encounter completes on its last decision.
 */
let ReviewGate = class ReviewGate {
    constructor(ehr, events) {
        this.ehr = ehr;
        this.events = events;
    }
    async open(requestId, providerId) {
        const found = await this.ehr.findRequestForDecision(requestId);
        if (!found)
            throw new common_1.NotFoundException(`Prescription request ${requestId} was not found.`);
        const refusal = found.encounter.refusalFor(found.request, providerId, await this.ehr.licensedStates(providerId));
        if (refusal)
            throw REFUSALS[refusal](found.request);
        return found;
    }
    async close(encounter, request) {
        const completed = encounter.completeIfAllDecided();
        await this.ehr.saveDecision(encounter, request);
        if (!completed)
            return;
        await this.events.publish(new contracts_1.EncounterCompletedEvent({
            encounterId: encounter.id,
            orderUuid: encounter.orderUuid,
            approvedOrderItemUuids: encounter.itemsWith('approved'),
            rejectedOrderItemUuids: encounter.itemsWith('rejected'),
        }));
    }
};
exports.ReviewGate = ReviewGate;
exports.ReviewGate = ReviewGate = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [ehr_repository_1.EhrRepository,
        platform_1.EventBus])
], ReviewGate);
