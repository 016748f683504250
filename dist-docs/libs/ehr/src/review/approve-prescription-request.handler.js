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
exports.ApprovePrescriptionRequestHandler = void 0;
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const contracts_1 = require("../../../contracts/src/index.js");
const platform_1 = require("../../../platform/src/index.js");
const node_crypto_1 = require("node:crypto");
const ehr_repository_1 = require("../ehr.repository");
const prescription_entity_1 = require("../prescription.entity");
const approve_prescription_request_command_1 = require("./approve-prescription-request.command");
const review_gate_1 = require("./review-gate");
/**
 * Approves a request and writes its prescription. The eRx submission is not queued here: it
 * follows from the approval event after commit, so a rolled-back approval sends nothing.
 */
let ApprovePrescriptionRequestHandler = class ApprovePrescriptionRequestHandler {
    constructor(unitOfWork, gate, ehr, events, faults) {
        this.unitOfWork = unitOfWork;
        this.gate = gate;
        this.ehr = ehr;
        this.events = events;
        this.faults = faults;
        this.logger = new common_1.Logger('EHR');
    }
    execute(command) {
        const { providerId, requestId, sig, refills } = command;
        return this.unitOfWork.run(async () => {
            const { encounter, request } = await this.gate.open(requestId, providerId);
            encounter.decide(request, providerId, 'approved');
            const prescription = Object.assign(new prescription_entity_1.Prescription(), {
                id: (0, node_crypto_1.randomUUID)(),
                prescriptionRequestId: request.id,
                encounterId: encounter.id,
                patientId: encounter.patientId,
                providerId,
                productId: request.productId,
                sig,
                refills,
                status: 'pending_transmission',
                erxReference: null,
                failureReason: null,
                transmittedAt: null,
            });
            await this.ehr.insertPrescription(prescription);
            // Logged after the commit, and before the events it causes.
            await this.unitOfWork.afterCommit(() => this.logger.log({ orderUuid: encounter.orderUuid, prescriptionId: prescription.id }, `Request ${request.id} approved; prescription ${prescription.id} created`));
            await this.events.publish(new contracts_1.PrescriptionRequestApprovedEvent({
                prescriptionRequestId: request.id,
                prescriptionId: prescription.id,
                encounterId: encounter.id,
                orderUuid: encounter.orderUuid,
                orderItemUuid: request.orderItemUuid,
            }));
            await this.gate.close(encounter, request);
            this.faults.hit('ehr.approve.after-writes');
            return {
                request: { id: request.id, status: request.status },
                prescription: { id: prescription.id, status: prescription.status },
            };
        });
    }
};
exports.ApprovePrescriptionRequestHandler = ApprovePrescriptionRequestHandler;
exports.ApprovePrescriptionRequestHandler = ApprovePrescriptionRequestHandler = __decorate([
    (0, cqrs_1.CommandHandler)(approve_prescription_request_command_1.ApprovePrescriptionRequestCommand),
    __metadata("design:paramtypes", [platform_1.UnitOfWork,
        review_gate_1.ReviewGate,
        ehr_repository_1.EhrRepository,
        platform_1.EventBus,
        platform_1.FaultPoints])
], ApprovePrescriptionRequestHandler);
