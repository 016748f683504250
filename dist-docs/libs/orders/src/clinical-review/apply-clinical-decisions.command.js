"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApplyClinicalDecisionsCommand = void 0;
const cqrs_1 = require("@nestjs/cqrs");
/** Decisions EHR made about some items of an order; applying them again changes nothing. */
class ApplyClinicalDecisionsCommand extends cqrs_1.Command {
    constructor(orderUuid, approvedItemUuids, rejectedItemUuids) {
        super();
        this.orderUuid = orderUuid;
        this.approvedItemUuids = approvedItemUuids;
        this.rejectedItemUuids = rejectedItemUuids;
    }
}
exports.ApplyClinicalDecisionsCommand = ApplyClinicalDecisionsCommand;
