"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var EhrWorkerModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.EhrWorkerModule = void 0;
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const erx_network_client_1 = require("./erx/erx-network.client");
const erx_submission_processor_1 = require("./erx/erx-submission.processor");
const record_transmission_failure_handler_1 = require("./erx/record-transmission-failure.handler");
const submit_prescription_handler_1 = require("./erx/submit-prescription.handler");
const ehr_module_1 = require("./ehr.module");
/** The EHR jobs, run by the worker app: sending prescriptions to the eRx network. */
let EhrWorkerModule = EhrWorkerModule_1 = class EhrWorkerModule {
    static forRoot(erxNetwork) {
        return {
            module: EhrWorkerModule_1,
            imports: [cqrs_1.CqrsModule, ehr_module_1.EhrModule],
            providers: [
                { provide: erx_network_client_1.ERX_NETWORK_OPTIONS, useValue: erxNetwork },
                erx_network_client_1.ErxNetworkClient,
                submit_prescription_handler_1.SubmitPrescriptionHandler,
                record_transmission_failure_handler_1.RecordTransmissionFailureHandler,
                erx_submission_processor_1.ErxSubmissionProcessor,
            ],
        };
    }
};
exports.EhrWorkerModule = EhrWorkerModule;
exports.EhrWorkerModule = EhrWorkerModule = EhrWorkerModule_1 = __decorate([
    (0, common_1.Module)({})
], EhrWorkerModule);
