"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PrescriptionRequestApprovedEvent = void 0;
const platform_1 = require("../../../platform/src/index.js");
/** A provider approved one prescription item; a prescription now exists for it. */
class PrescriptionRequestApprovedEvent extends platform_1.DomainEvent {
    static { this.type = 'ehr.prescription-request-approved'; }
    static { this.version = 1; }
}
exports.PrescriptionRequestApprovedEvent = PrescriptionRequestApprovedEvent;
