"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UnknownEventError = void 0;
exports.serializeEvent = serializeEvent;
exports.deserializeEvent = deserializeEvent;
class UnknownEventError extends Error {
}
exports.UnknownEventError = UnknownEventError;
const DATE_TAG = '$date';
function serializeEvent(event) {
    return {
        type: event.type,
        version: event.version,
        eventId: event.eventId,
        occurredAt: event.occurredAt.toISOString(),
        correlationId: event.correlationId,
        causationId: event.causationId,
        payload: JSON.parse(JSON.stringify(event.payload, tagDates)),
    };
}
/** Rebuilds the event with its original id and metadata; an unknown type or version is an error. */
function deserializeEvent(stored, classOf) {
    const eventClass = classOf(stored.type);
    if (!eventClass)
        throw new UnknownEventError(`Unknown event type "${stored.type}"`);
    if (eventClass.version !== stored.version) {
        throw new UnknownEventError(`Event "${stored.type}" is stored as version ${stored.version}; this code reads version ${eventClass.version}`);
    }
    const payload = JSON.parse(JSON.stringify(stored.payload), untagDates);
    return new eventClass(payload, {
        eventId: stored.eventId,
        occurredAt: new Date(stored.occurredAt),
        correlationId: stored.correlationId,
        causationId: stored.causationId,
    });
}
function tagDates(key, value) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : value;
}
function untagDates(_key, value) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
        const keys = Object.keys(value);
        const tagged = value[DATE_TAG];
        if (keys.length === 1 && typeof tagged === 'string')
            return new Date(tagged);
    }
    return value;
}
