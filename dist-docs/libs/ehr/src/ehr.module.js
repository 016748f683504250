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
exports.EhrModule = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const contracts_1 = require("../../contracts/src/index.js");
const platform_1 = require("../../platform/src/index.js");
const ehr_repository_1 = require("./ehr.repository");
const enqueue_erx_submission_subscriber_1 = require("./erx/enqueue-erx-submission.subscriber");
const erx_queue_1 = require("./erx/erx-queue");
const open_encounter_command_1 = require("./open-encounter/open-encounter.command");
const open_encounter_handler_1 = require("./open-encounter/open-encounter.handler");
const approve_prescription_request_handler_1 = require("./review/approve-prescription-request.handler");
const reject_prescription_request_handler_1 = require("./review/reject-prescription-request.handler");
const review_controller_1 = require("./review/review.controller");
const review_gate_1 = require("./review/review-gate");
const view_records_controller_1 = require("./view-records/view-records.controller");
/** EHR: encounters, providers' decisions on prescription requests, and prescriptions. */
let EhrModule = class EhrModule {
    constructor(events, commands, enqueueErxSubmission) {
        this.events = events;
        this.commands = commands;
        this.enqueueErxSubmission = enqueueErxSubmission;
    }
    onModuleInit() {
        this.events.subscribe(contracts_1.OrderPlacedEvent, 'ehr.open-encounter-when-order-placed', ({ payload }) => this.commands.execute(new open_encounter_command_1.OpenEncounterCommand(payload)));
        this.events.subscribe(contracts_1.PrescriptionRequestApprovedEvent, 'ehr.enqueue-erx-submission-when-request-approved', (event) => this.enqueueErxSubmission.handle(event), { enqueues: [erx_queue_1.ERX_QUEUE] });
    }
};
exports.EhrModule = EhrModule;
exports.EhrModule = EhrModule = __decorate([
    (0, common_1.Module)({
        imports: [cqrs_1.CqrsModule, bullmq_1.BullModule.registerQueue({ name: erx_queue_1.ERX_QUEUE })],
        controllers: [review_controller_1.ReviewController, view_records_controller_1.ViewRecordsController],
        providers: [
            ehr_repository_1.EhrRepository,
            review_gate_1.ReviewGate,
            open_encounter_handler_1.OpenEncounterHandler,
            approve_prescription_request_handler_1.ApprovePrescriptionRequestHandler,
            reject_prescription_request_handler_1.RejectPrescriptionRequestHandler,
            enqueue_erx_submission_subscriber_1.EnqueueErxSubmissionSubscriber,
        ],
        exports: [ehr_repository_1.EhrRepository],
    }),
    __metadata("design:paramtypes", [platform_1.EventBus,
        cqrs_1.CommandBus,
        enqueue_erx_submission_subscriber_1.EnqueueErxSubmissionSubscriber])
], EhrModule);
