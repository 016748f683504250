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
exports.ErxSubmissionProcessor = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const cqrs_1 = require("@nestjs/cqrs");
const platform_1 = require("../../../platform/src/index.js");
const bullmq_2 = require("bullmq");
const erx_queue_1 = require("./erx-queue");
const submit_prescription_command_1 = require("./submit-prescription.command");
/**
 * Delegates to the use case. A refusal by the network (4xx) is final at once; other failures
 * are retried with backoff, and the last one marks the prescription `transmission_failed`.
 */
let ErxSubmissionProcessor = class ErxSubmissionProcessor extends bullmq_1.WorkerHost {
    constructor(commands) {
        super();
        this.commands = commands;
    }
    process(job) {
        const { prescriptionId, orderUuid } = job.data;
        return (0, platform_1.runInJobTrace)(job, async () => {
            try {
                await this.commands.execute(new submit_prescription_command_1.SubmitPrescriptionCommand(prescriptionId, orderUuid));
            }
            catch (error) {
                const refused = error instanceof platform_1.PartnerRejectedError;
                if (refused || (0, platform_1.isFinalAttempt)(job)) {
                    await this.commands.execute(new submit_prescription_command_1.RecordTransmissionFailureCommand(prescriptionId, error.message));
                }
                throw refused ? new bullmq_2.UnrecoverableError(error.message) : error;
            }
        });
    }
};
exports.ErxSubmissionProcessor = ErxSubmissionProcessor;
exports.ErxSubmissionProcessor = ErxSubmissionProcessor = __decorate([
    (0, bullmq_1.Processor)(erx_queue_1.ERX_QUEUE, { concurrency: 8 }),
    __metadata("design:paramtypes", [cqrs_1.CommandBus])
], ErxSubmissionProcessor);
