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
exports.OpenEncounterHandler = void 0;
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const contracts_1 = require("../../../contracts/src/index.js");
const platform_1 = require("../../../platform/src/index.js");
const node_crypto_1 = require("node:crypto");
const ehr_repository_1 = require("../ehr.repository");
const encounter_entity_1 = require("../encounter.entity");
const prescription_request_entity_1 = require("../prescription-request.entity");
const open_encounter_command_1 = require("./open-encounter.command");
/** Opens one encounter per order with prescription items; a redelivered order opens nothing. */
let OpenEncounterHandler = class OpenEncounterHandler {
    constructor(unitOfWork, ehr, events) {
        this.unitOfWork = unitOfWork;
        this.ehr = ehr;
        this.events = events;
        this.logger = new common_1.Logger('EHR');
    }
    execute({ order }) {
        const prescriptionItems = order.items.filter((item) => item.requiresPrescription);
        if (prescriptionItems.length === 0)
            return Promise.resolve();
        return this.unitOfWork.run(async () => {
            // The unique index on order_uuid backs this check against a concurrent redelivery.
            if (await this.ehr.encounterExistsForOrder(order.orderUuid))
                return;
            const encounter = Object.assign(new encounter_entity_1.Encounter(), {
                id: (0, node_crypto_1.randomUUID)(),
                orderUuid: order.orderUuid,
                patientId: order.patientId,
                fulfillmentState: order.fulfillmentState,
                providerId: null,
                status: 'open',
                completedAt: null,
            });
            encounter.requests = prescriptionItems.map((item, position) => Object.assign(new prescription_request_entity_1.PrescriptionRequest(), {
                id: (0, node_crypto_1.randomUUID)(),
                encounterId: encounter.id,
                orderItemUuid: item.orderItemUuid,
                productId: item.productId,
                quantity: item.quantity,
                position,
                status: 'pending',
                rejectionReason: null,
                decidedBy: null,
                decidedAt: null,
            }));
            await this.ehr.insertEncounter(encounter);
            await this.events.publish(new contracts_1.EncounterOpenedEvent({
                encounterId: encounter.id,
                orderUuid: order.orderUuid,
                prescriptionRequestIds: encounter.requests.map((request) => request.id),
            }));
            // Said only once it is true: after the commit.
            await this.unitOfWork.afterCommit(() => this.logger.log({ orderUuid: order.orderUuid, encounterId: encounter.id }, `Encounter ${encounter.id} opened for order ${order.orderUuid}`));
        });
    }
};
exports.OpenEncounterHandler = OpenEncounterHandler;
exports.OpenEncounterHandler = OpenEncounterHandler = __decorate([
    (0, cqrs_1.CommandHandler)(open_encounter_command_1.OpenEncounterCommand),
    __metadata("design:paramtypes", [platform_1.UnitOfWork,
        ehr_repository_1.EhrRepository,
        platform_1.EventBus])
], OpenEncounterHandler);
