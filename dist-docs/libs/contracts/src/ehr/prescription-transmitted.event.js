"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PrescriptionTransmittedEvent = void 0;
const platform_1 = require("../../../platform/src/index.js");
/** The eRx network accepted the prescription. */
class PrescriptionTransmittedEvent extends platform_1.DomainEvent {
    static { this.type = 'ehr.prescription-transmitted'; }
    static { this.version = 1; }
}
exports.PrescriptionTransmittedEvent = PrescriptionTransmittedEvent;
