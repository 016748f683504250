import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '../../transactions/unit-of-work';
import { DomainEvent } from '../domain-event';
import { SerializedEvent, serializeEvent } from '../registry/event-serializer';
import { currentTraceCarrier } from '../../telemetry/spans';

/** A publication the relay leased: only the holder of the token may mark it handed off. */
export interface OwedMessage {
  readonly id: string;
  readonly leaseToken: string;
  readonly event: SerializedEvent;
  /** The W3C context of the span that published it; travels as the message's `traceparent`. */
  readonly traceContext: Record<string, string> | null;
}

const MS = "* interval '1 millisecond'";

/**
 * The registry as the broker's outbox. Publishing records one publication per event, whose
 * subscriber is the broker (`broker:<namespace>`), in the business transaction; it is completed
 * once RabbitMQ confirms it. The rows, the statuses and the admin endpoints are the registry's own.
 */
@Injectable()
export class BrokerOutbox {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** In the current transaction; due at once. Recording the same event twice records it once. */
  async record(event: DomainEvent, recipient: string): Promise<void> {
    await this.unitOfWork.manager.query(
      `insert into event_publications (id, event_id, event_type, event_version, event, subscriber,
         status, attempts, next_attempt_at, trace_context)
       values ($1, $2, $3, $4, $5::jsonb, $6, 'pending', 0, now(), $7::jsonb)
       on conflict (event_id, subscriber) do nothing`,
      [
        randomUUID(),
        event.eventId,
        event.type,
        event.version,
        JSON.stringify(serializeEvent(event)),
        recipient,
        JSON.stringify(currentTraceCarrier()),
      ],
    );
  }

  /**
   * Leases up to `limit` due publications for `leaseMs`, oldest first. A process that dies while
   * holding them lets the lease run out, and the next relay publishes them again, same ids.
   */
  async claimDue(recipient: string, limit: number, leaseMs: number): Promise<OwedMessage[]> {
    const [rows]: [OwedMessage[], number] = await this.unitOfWork.manager.query(
      `update event_publications
       set next_attempt_at = now() + $3 ${MS}, claim_token = gen_random_uuid()
       where id in (
         select id from event_publications
         where status = 'pending' and next_attempt_at <= now() and subscriber = $1
         order by next_attempt_at, created_at
         limit $2
         for update skip locked)
       returning id, event, claim_token as "leaseToken", trace_context as "traceContext"`,
      [recipient, limit, leaseMs],
    );
    return rows;
  }

  /** The broker confirmed them: completed, unless the lease passed to someone else meanwhile. */
  async markHandedOff(messages: readonly OwedMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.unitOfWork.manager.query(
      `update event_publications
       set status = 'completed', attempts = attempts + 1, completed_at = now(), last_error = null,
           claim_token = null
       from unnest($1::uuid[], $2::uuid[]) as t(id, claim_token)
       where event_publications.id = t.id and event_publications.claim_token = t.claim_token
         and status = 'pending'`,
      [messages.map((m) => m.id), messages.map((m) => m.leaseToken)],
    );
  }

  /** Not confirmed: tried again after `delayMs`. A hand-off is never given up on. */
  async postpone(messages: readonly OwedMessage[], error: string, delayMs: number): Promise<void> {
    if (messages.length === 0) return;
    await this.unitOfWork.manager.query(
      `update event_publications
       set attempts = attempts + 1, last_error = $3, next_attempt_at = now() + $4 ${MS},
           claim_token = null
       from unnest($1::uuid[], $2::uuid[]) as t(id, claim_token)
       where event_publications.id = t.id and event_publications.claim_token = t.claim_token
         and status = 'pending'`,
      [messages.map((m) => m.id), messages.map((m) => m.leaseToken), error.slice(0, 4000), delayMs],
    );
  }
}
