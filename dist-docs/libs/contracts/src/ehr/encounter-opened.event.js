"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EncounterOpenedEvent = void 0;
const platform_1 = require("../../../platform/src/index.js");
/** An order's prescription items await a provider's review. */
class EncounterOpenedEvent extends platform_1.DomainEvent {
    static { this.type = 'ehr.encounter-opened'; }
    static { this.version = 1; }
}
exports.EncounterOpenedEvent = EncounterOpenedEvent;
