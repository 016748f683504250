"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DomainEvent = void 0;
const node_crypto_1 = require("node:crypto");
const trace_context_1 = require("../context/trace-context");
/**
 * A fact that happened in one module and that others may react to. Subclasses declare a stable
 * `type` and a `version` as static fields, and carry ids and primitives only in `payload`.
 */
class DomainEvent {
    /** @param metadata given only when an event is rebuilt from storage or a broker. */
    constructor(payload, metadata) {
        this.payload = payload;
        const trace = trace_context_1.Trace.current();
        this.eventId = metadata?.eventId ?? (0, node_crypto_1.randomUUID)();
        this.occurredAt = metadata?.occurredAt ?? new Date();
        this.correlationId = metadata?.correlationId ?? trace?.correlationId ?? this.eventId;
        this.causationId = metadata ? metadata.causationId : (trace?.causationId ?? null);
    }
    get type() {
        return this.constructor.type;
    }
    get version() {
        return this.constructor.version;
    }
}
exports.DomainEvent = DomainEvent;
