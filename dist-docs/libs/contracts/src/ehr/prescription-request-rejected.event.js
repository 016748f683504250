"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PrescriptionRequestRejectedEvent = void 0;
const platform_1 = require("../../../platform/src/index.js");
/** A provider declined to prescribe one item. */
class PrescriptionRequestRejectedEvent extends platform_1.DomainEvent {
    static { this.type = 'ehr.prescription-request-rejected'; }
    static { this.version = 1; }
}
exports.PrescriptionRequestRejectedEvent = PrescriptionRequestRejectedEvent;
