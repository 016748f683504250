"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PrescriptionTransmissionFailedEvent = void 0;
const platform_1 = require("../../../platform/src/index.js");
/** The eRx network refused the prescription, or every retry failed. */
class PrescriptionTransmissionFailedEvent extends platform_1.DomainEvent {
    static { this.type = 'ehr.prescription-transmission-failed'; }
    static { this.version = 1; }
}
exports.PrescriptionTransmissionFailedEvent = PrescriptionTransmissionFailedEvent;
