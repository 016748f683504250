"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApprovePrescriptionRequestCommand = void 0;
const cqrs_1 = require("@nestjs/cqrs");
class ApprovePrescriptionRequestCommand extends cqrs_1.Command {
    constructor(providerId, requestId, sig, refills) {
        super();
        this.providerId = providerId;
        this.requestId = requestId;
        this.sig = sig;
        this.refills = refills;
    }
}
exports.ApprovePrescriptionRequestCommand = ApprovePrescriptionRequestCommand;
