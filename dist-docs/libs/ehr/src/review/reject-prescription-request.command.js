"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RejectPrescriptionRequestCommand = void 0;
const cqrs_1 = require("@nestjs/cqrs");
class RejectPrescriptionRequestCommand extends cqrs_1.Command {
    constructor(providerId, requestId, reason) {
        super();
        this.providerId = providerId;
        this.requestId = requestId;
        this.reason = reason;
    }
}
exports.RejectPrescriptionRequestCommand = RejectPrescriptionRequestCommand;
