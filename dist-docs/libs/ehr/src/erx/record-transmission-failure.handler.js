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
exports.RecordTransmissionFailureHandler = void 0;
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const contracts_1 = require("../../../contracts/src/index.js");
const platform_1 = require("../../../platform/src/index.js");
const ehr_repository_1 = require("../ehr.repository");
const submit_prescription_command_1 = require("./submit-prescription.command");
let RecordTransmissionFailureHandler = class RecordTransmissionFailureHandler {
    constructor(unitOfWork, ehr, events) {
        this.unitOfWork = unitOfWork;
        this.ehr = ehr;
        this.events = events;
        this.logger = new common_1.Logger('EHR');
    }
    execute({ prescriptionId, reason }) {
        return this.unitOfWork.run(async () => {
            const prescription = await this.ehr.findPrescriptionForUpdate(prescriptionId);
            if (!prescription?.markTransmissionFailed(reason))
                return;
            await this.ehr.savePrescriptionStatus(prescription);
            await this.events.publish(new contracts_1.PrescriptionTransmissionFailedEvent({ prescriptionId, reason }));
            // Said only once it is true: after the commit.
            await this.unitOfWork.afterCommit(() => this.logger.warn({ prescriptionId, reason }, `Prescription ${prescriptionId} transmission failed`));
        });
    }
};
exports.RecordTransmissionFailureHandler = RecordTransmissionFailureHandler;
exports.RecordTransmissionFailureHandler = RecordTransmissionFailureHandler = __decorate([
    (0, cqrs_1.CommandHandler)(submit_prescription_command_1.RecordTransmissionFailureCommand),
    __metadata("design:paramtypes", [platform_1.UnitOfWork,
        ehr_repository_1.EhrRepository,
        platform_1.EventBus])
], RecordTransmissionFailureHandler);
