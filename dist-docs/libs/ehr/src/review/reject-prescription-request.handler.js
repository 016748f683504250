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
exports.RejectPrescriptionRequestHandler = void 0;
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const contracts_1 = require("../../../contracts/src/index.js");
const platform_1 = require("../../../platform/src/index.js");
const reject_prescription_request_command_1 = require("./reject-prescription-request.command");
const review_gate_1 = require("./review-gate");
let RejectPrescriptionRequestHandler = class RejectPrescriptionRequestHandler {
    constructor(unitOfWork, gate, events) {
        this.unitOfWork = unitOfWork;
        this.gate = gate;
        this.events = events;
        this.logger = new common_1.Logger('EHR');
    }
    execute({ providerId, requestId, reason, }) {
        return this.unitOfWork.run(async () => {
            const { encounter, request } = await this.gate.open(requestId, providerId);
            encounter.decide(request, providerId, 'rejected');
            request.rejectionReason = reason;
            // Logged after the commit, and before the events it causes.
            await this.unitOfWork.afterCommit(() => this.logger.log({ orderUuid: encounter.orderUuid }, `Request ${request.id} rejected`));
            await this.events.publish(new contracts_1.PrescriptionRequestRejectedEvent({
                prescriptionRequestId: request.id,
                encounterId: encounter.id,
                orderUuid: encounter.orderUuid,
                orderItemUuid: request.orderItemUuid,
                reason,
            }));
            await this.gate.close(encounter, request);
            return { request: { id: request.id, status: request.status, reason } };
        });
    }
};
exports.RejectPrescriptionRequestHandler = RejectPrescriptionRequestHandler;
exports.RejectPrescriptionRequestHandler = RejectPrescriptionRequestHandler = __decorate([
    (0, cqrs_1.CommandHandler)(reject_prescription_request_command_1.RejectPrescriptionRequestCommand),
    __metadata("design:paramtypes", [platform_1.UnitOfWork,
        review_gate_1.ReviewGate,
        platform_1.EventBus])
], RejectPrescriptionRequestHandler);
