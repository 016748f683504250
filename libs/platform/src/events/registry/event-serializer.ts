import { DomainEvent, EventClass } from '../domain-event';

/** How an event is stored: its payload and metadata, with dates tagged to survive JSON. */
export interface SerializedEvent {
  readonly type: string;
  readonly version: number;
  readonly eventId: string;
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly payload: unknown;
}

export class UnknownEventError extends Error {}

const DATE_TAG = '$date';

export function serializeEvent(event: DomainEvent): SerializedEvent {
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
export function deserializeEvent(
  stored: SerializedEvent,
  classOf: (type: string) => EventClass | undefined,
): DomainEvent {
  const eventClass = classOf(stored.type);
  if (!eventClass) throw new UnknownEventError(`Unknown event type "${stored.type}"`);
  if (eventClass.version !== stored.version) {
    throw new UnknownEventError(
      `Event "${stored.type}" is stored as version ${stored.version}; this code reads version ${eventClass.version}`,
    );
  }
  const payload = JSON.parse(JSON.stringify(stored.payload), untagDates);
  return new eventClass(payload, {
    eventId: stored.eventId,
    occurredAt: new Date(stored.occurredAt),
    correlationId: stored.correlationId,
    causationId: stored.causationId,
  });
}

function tagDates(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : value;
}

function untagDates(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const tagged = (value as Record<string, unknown>)[DATE_TAG];
    if (keys.length === 1 && typeof tagged === 'string') return new Date(tagged);
  }
  return value;
}
