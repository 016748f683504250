import { randomUUID } from 'node:crypto';
import { Trace } from '../context/trace-context';

/** Metadata every event carries, whatever its type. */
export interface EventMetadata {
  /** Unique per event; subscribers use it to recognise a redelivery. */
  readonly eventId: string;
  readonly occurredAt: Date;
  readonly correlationId: string;
  readonly causationId: string | null;
}

/**
 * A fact that happened in one module and that others may react to. Subclasses declare a stable
 * `type` and a `version` as static fields, and carry ids and primitives only in `payload`.
 */
export abstract class DomainEvent<P extends object = object> implements EventMetadata {
  readonly eventId: string;
  readonly occurredAt: Date;
  readonly correlationId: string;
  readonly causationId: string | null;

  /** @param metadata given only when an event is rebuilt from storage or a broker. */
  constructor(
    readonly payload: Readonly<P>,
    metadata?: EventMetadata,
  ) {
    const trace = Trace.current();
    this.eventId = metadata?.eventId ?? randomUUID();
    this.occurredAt = metadata?.occurredAt ?? new Date();
    this.correlationId = metadata?.correlationId ?? trace?.correlationId ?? this.eventId;
    this.causationId = metadata ? metadata.causationId : (trace?.causationId ?? null);
  }

  get type(): string {
    return (this.constructor as EventClass).type;
  }

  get version(): number {
    return (this.constructor as EventClass).version;
  }
}

/** The class of an event: how subscribers name what they listen to. */
export interface EventClass<E extends DomainEvent = DomainEvent> {
  /** Stable wire name, such as `ehr.prescription-request-approved`. Never derived from the class name. */
  readonly type: string;
  /** Schema version of the payload; bump it when the payload changes incompatibly. */
  readonly version: number;
  new (payload: E['payload'], metadata?: EventMetadata): E;
}
