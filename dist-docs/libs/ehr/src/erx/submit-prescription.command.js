"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RecordTransmissionFailureCommand = exports.SubmitPrescriptionCommand = void 0;
const cqrs_1 = require("@nestjs/cqrs");
class SubmitPrescriptionCommand extends cqrs_1.Command {
    constructor(prescriptionId, orderUuid) {
        super();
        this.prescriptionId = prescriptionId;
        this.orderUuid = orderUuid;
    }
}
exports.SubmitPrescriptionCommand = SubmitPrescriptionCommand;
/** Given up on: the network refused it, or the last retry failed. */
class RecordTransmissionFailureCommand extends cqrs_1.Command {
    constructor(prescriptionId, reason) {
        super();
        this.prescriptionId = prescriptionId;
        this.reason = reason;
    }
}
exports.RecordTransmissionFailureCommand = RecordTransmissionFailureCommand;
