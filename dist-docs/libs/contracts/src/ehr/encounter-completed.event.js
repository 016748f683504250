"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EncounterCompletedEvent = void 0;
const platform_1 = require("../../../platform/src/index.js");
/** Every prescription request of the encounter is decided. */
class EncounterCompletedEvent extends platform_1.DomainEvent {
    static { this.type = 'ehr.encounter-completed'; }
    static { this.version = 1; }
}
exports.EncounterCompletedEvent = EncounterCompletedEvent;
