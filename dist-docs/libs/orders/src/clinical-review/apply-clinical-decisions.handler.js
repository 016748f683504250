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
exports.ApplyClinicalDecisionsHandler = void 0;
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const contracts_1 = require("../../../contracts/src/index.js");
const platform_1 = require("../../../platform/src/index.js");
const orders_repository_1 = require("../orders.repository");
const apply_clinical_decisions_command_1 = require("./apply-clinical-decisions.command");
/**
 * Applies item decisions under a lock on the order row. Whichever message brings the last
 * decision (an approval, a rejection or the encounter's completion, in any order, even at the
 * same instant) concludes the review; every other sees it concluded and does nothing.
 */
let ApplyClinicalDecisionsHandler = class ApplyClinicalDecisionsHandler {
    constructor(unitOfWork, orders, events) {
        this.unitOfWork = unitOfWork;
        this.orders = orders;
        this.events = events;
        this.logger = new common_1.Logger('Orders');
    }
    execute({ orderUuid, approvedItemUuids, rejectedItemUuids }) {
        return this.unitOfWork.run(async () => {
            const order = await this.orders.findForUpdate(orderUuid);
            if (!order)
                throw new Error(`Order ${orderUuid} does not exist`);
            const changed = [
                ...approvedItemUuids.flatMap((uuid) => order.recordDecision(uuid, 'clinically_approved')),
                ...rejectedItemUuids.flatMap((uuid) => order.recordDecision(uuid, 'rejected')),
            ];
            const outcome = order.concludeReviewIfComplete();
            if (changed.length === 0 && !outcome)
                return;
            await this.orders.saveStatus(order, changed);
            const { patientId } = order;
            if (outcome === 'ready_for_fulfillment') {
                // Said only once it is true: after the commit.
                await this.unitOfWork.afterCommit(() => this.logger.log({ orderUuid }, `Order ${orderUuid} is ready for fulfillment`));
                await this.events.publish(new contracts_1.OrderReadyForFulfillmentEvent({ orderUuid, patientId }));
            }
            else if (outcome === 'cancelled') {
                await this.unitOfWork.afterCommit(() => this.logger.log({ orderUuid }, `Order ${orderUuid} is cancelled: every item was rejected`));
                await this.events.publish(new contracts_1.OrderCancelledEvent({ orderUuid, patientId }));
            }
        });
    }
};
exports.ApplyClinicalDecisionsHandler = ApplyClinicalDecisionsHandler;
exports.ApplyClinicalDecisionsHandler = ApplyClinicalDecisionsHandler = __decorate([
    (0, cqrs_1.CommandHandler)(apply_clinical_decisions_command_1.ApplyClinicalDecisionsCommand),
    __metadata("design:paramtypes", [platform_1.UnitOfWork,
        orders_repository_1.OrdersRepository,
        platform_1.EventBus])
], ApplyClinicalDecisionsHandler);
