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
exports.SubmitPrescriptionHandler = void 0;
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const contracts_1 = require("../../../contracts/src/index.js");
const platform_1 = require("../../../platform/src/index.js");
const ehr_repository_1 = require("../ehr.repository");
const erx_network_client_1 = require("./erx-network.client");
const submit_prescription_command_1 = require("./submit-prescription.command");
/**
 * Sends a prescription to the eRx network outside any transaction; the idempotency key makes a
 * retry after a crash return the first reference rather than prescribe twice.
 */
let SubmitPrescriptionHandler = class SubmitPrescriptionHandler {
    constructor(unitOfWork, ehr, network, events) {
        this.unitOfWork = unitOfWork;
        this.ehr = ehr;
        this.network = network;
        this.events = events;
        this.logger = new common_1.Logger('EHR');
    }
    async execute({ prescriptionId, orderUuid }) {
        const prescription = await this.ehr.findPrescription(prescriptionId);
        if (!prescription)
            throw new Error(`Prescription ${prescriptionId} does not exist`);
        if (prescription.status !== 'pending_transmission')
            return;
        const { patientId, productId, sig, refills } = prescription;
        const { erxReference } = await this.network.submit({
            prescriptionId,
            patientId,
            productId,
            sig,
            refills,
        });
        await this.unitOfWork.run(async () => {
            const locked = await this.ehr.findPrescriptionForUpdate(prescriptionId);
            if (!locked?.markTransmitted(erxReference))
                return; // a concurrent run recorded it first
            await this.ehr.savePrescriptionStatus(locked);
            await this.unitOfWork.afterCommit(() => this.logTransmitted(prescriptionId, erxReference, orderUuid));
            await this.events.publish(new contracts_1.PrescriptionTransmittedEvent({ prescriptionId, erxReference }));
        });
    }
    logTransmitted(prescriptionId, erxReference, orderUuid) {
        this.logger.log({ prescriptionId, erxReference, orderUuid }, `Prescription ${prescriptionId} sent to eRx as ${erxReference}`);
    }
};
exports.SubmitPrescriptionHandler = SubmitPrescriptionHandler;
exports.SubmitPrescriptionHandler = SubmitPrescriptionHandler = __decorate([
    (0, cqrs_1.CommandHandler)(submit_prescription_command_1.SubmitPrescriptionCommand),
    __metadata("design:paramtypes", [platform_1.UnitOfWork,
        ehr_repository_1.EhrRepository,
        erx_network_client_1.ErxNetworkClient,
        platform_1.EventBus])
], SubmitPrescriptionHandler);
