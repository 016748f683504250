import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '../../transactions/unit-of-work';
import { DomainEvent } from '../domain-event';
import { EventPublication, PublicationStatus } from './event-publication.entity';
import { SerializedEvent, serializeEvent } from './event-serializer';

export interface ClaimedPublication {
  readonly id: string;
  readonly subscriber: string;
  readonly event: SerializedEvent;
}

export interface PublicationFilter {
  readonly status?: PublicationStatus;
  readonly eventType?: string;
  readonly subscriber?: string;
}

/** The registry's table, spoken to in SQL: every statement here is on a hot or a recovery path. */
@Injectable()
export class PublicationStore {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * Records one publication per subscriber in the current transaction; publishing the same event
   * again records nothing more. They start leased for
   * `leaseMs` to this process, which dispatches them right after commit; the relay takes over
   * only if that lease runs out (the process died, or dispatch failed to record itself).
   */
  async record(
    event: DomainEvent,
    subscribers: readonly string[],
    leaseMs: number,
  ): Promise<string[]> {
    const ids = subscribers.map(() => randomUUID());
    const serialized = JSON.stringify(serializeEvent(event));
    await this.unitOfWork.manager.query(
      `insert into event_publications
         (id, event_id, event_type, event_version, event, subscriber, status, attempts, next_attempt_at)
       select id, $1, $2, $3, $4::jsonb, subscriber, 'pending', 0, now() + $5 * interval '1 millisecond'
       from unnest($6::uuid[], $7::text[]) as t(id, subscriber)
       on conflict (event_id, subscriber) do nothing`,
      [event.eventId, event.type, event.version, serialized, leaseMs, ids, subscribers],
    );
    return ids;
  }

  /**
   * Locks a publication for dispatch in the current transaction. Null when another process holds
   * it, or when it is no longer pending: either way it is not ours to run.
   */
  async lockPending(id: string): Promise<boolean> {
    const rows: unknown[] = await this.unitOfWork.manager.query(
      `select 1 from event_publications where id = $1 and status = 'pending' for update skip locked`,
      [id],
    );
    return rows.length > 0;
  }

  async markCompleted(id: string): Promise<void> {
    await this.unitOfWork.manager.query(
      `update event_publications
       set status = 'completed', attempts = attempts + 1, completed_at = now(), last_error = null
       where id = $1`,
      [id],
    );
  }

  /** Counts a failed attempt and schedules the retry, or gives up; returns the new status. */
  async recordFailure(
    id: string,
    error: string,
    retry: (attemptsMade: number) => number | null,
  ): Promise<{ status: PublicationStatus; attempts: number } | null> {
    const [row]: { attempts: number }[] = await this.unitOfWork.manager.query(
      `select attempts from event_publications where id = $1 and status = 'pending' for update`,
      [id],
    );
    if (!row) return null;
    const attempts = row.attempts + 1;
    const delayMs = retry(attempts);
    const status: PublicationStatus = delayMs === null ? 'failed' : 'pending';
    await this.unitOfWork.manager.query(
      `update event_publications
       set attempts = $2, last_error = $3, status = $4,
           next_attempt_at = now() + $5 * interval '1 millisecond'
       where id = $1`,
      [id, attempts, error.slice(0, 4000), status, delayMs ?? 0],
    );
    return { status, attempts };
  }

  /**
   * Claims up to `limit` due publications for the given subscribers, leasing them for `leaseMs`.
   * SKIP LOCKED lets any number of relays run side by side without waiting on, or taking, each
   * other's rows.
   */
  async claimDue(
    subscribers: readonly string[],
    limit: number,
    leaseMs: number,
  ): Promise<ClaimedPublication[]> {
    // For an UPDATE, TypeORM's postgres driver answers [rows, affected count].
    const [rows]: [ClaimedPublication[], number] = await this.unitOfWork.manager.query(
      `update event_publications set next_attempt_at = now() + $3 * interval '1 millisecond'
       where id in (
         select id from event_publications
         where status = 'pending' and next_attempt_at <= now() and subscriber = any($1)
         order by next_attempt_at
         limit $2
         for update skip locked)
       returning id, subscriber, event`,
      [subscribers, limit, leaseMs],
    );
    return rows;
  }

  /** Puts failed publications back in line, now; attempts start again from zero. */
  async resubmit(filter: PublicationFilter & { id?: string }): Promise<number> {
    const { sql, params } = where({ ...filter, status: 'failed' }, filter.id);
    const result: [unknown[], number] = await this.unitOfWork.manager.query(
      `update event_publications set status = 'pending', attempts = 0, next_attempt_at = now()
       ${sql}`,
      params,
    );
    return result[1];
  }

  async list(
    filter: PublicationFilter,
    limit: number,
    offset: number,
  ): Promise<EventPublication[]> {
    const { sql, params } = where(filter);
    return this.unitOfWork.manager.query(
      `select id, event_id as "eventId", event_type as "eventType", event_version as "eventVersion",
              event, subscriber, status, attempts, last_error as "lastError",
              next_attempt_at as "nextAttemptAt", created_at as "createdAt", completed_at as "completedAt"
       from event_publications ${sql}
       order by created_at desc, id
       limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, limit, offset],
    );
  }

  /**
   * What is still owed: pending and failed publications, and the age of the oldest pending one.
   * Reads only those rows (indexed), so a health probe can call it often.
   */
  async backlog(): Promise<{ pending: number; failed: number; oldestPendingAgeMs: number | null }> {
    const [row] = await this.unitOfWork.manager.query(
      `select count(*) filter (where status = 'pending')::int as pending,
              count(*) filter (where status = 'failed')::int as failed,
              (extract(epoch from now() - min(created_at) filter (where status = 'pending')) * 1000)::bigint
                as "oldestPendingAgeMs"
       from event_publications where status in ('pending', 'failed')`,
    );
    return {
      ...row,
      oldestPendingAgeMs: row.oldestPendingAgeMs === null ? null : Number(row.oldestPendingAgeMs),
    };
  }

  /** The backlog, and how many completed publications are kept (a full count: for operators). */
  async counts(): Promise<{
    pending: number;
    completed: number;
    failed: number;
    oldestPendingAgeMs: number | null;
  }> {
    const [{ completed }] = await this.unitOfWork.manager.query(
      `select count(*)::int as completed from event_publications where status = 'completed'`,
    );
    return { ...(await this.backlog()), completed };
  }

  /** Deletes completed publications older than the retention, a batch at a time. */
  async purgeCompleted(olderThanMs: number, batch: number): Promise<number> {
    const result: [unknown[], number] = await this.unitOfWork.manager.query(
      `delete from event_publications where id in (
         select id from event_publications
         where status = 'completed' and completed_at < now() - $1 * interval '1 millisecond'
         limit $2)`,
      [olderThanMs, batch],
    );
    return result[1];
  }
}

function where(filter: PublicationFilter, id?: string): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (column: string, value: unknown) => {
    if (value === undefined) return;
    params.push(value);
    clauses.push(`${column} = $${params.length}`);
  };
  add('id', id);
  add('status', filter.status);
  add('event_type', filter.eventType);
  add('subscriber', filter.subscriber);
  return { sql: clauses.length ? `where ${clauses.join(' and ')}` : '', params };
}
