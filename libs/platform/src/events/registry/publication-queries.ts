import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../transactions/unit-of-work';
import { EventPublication, PublicationStatus } from './event-publication.entity';

export interface PublicationFilter {
  readonly status?: PublicationStatus;
  readonly eventType?: string;
  readonly subscriber?: string;
}

export interface Backlog {
  /** Not completed yet, including those being delivered now (`processing`) and `stale` ones. */
  readonly pending: number;
  /** Being delivered now: leased to a process whose lease has not run out. */
  readonly processing: number;
  /**
   * Leased to a process whose lease ran out before it recorded an outcome (it died, or its
   * subscriber outlives the lease): the staleness monitor. A relay takes each over, counting an
   * attempt; one that keeps going stale fails after its maximum attempts.
   */
  readonly stale: number;
  readonly failed: number;
  /** Age of the oldest pending publication, in ms; null when none is pending. */
  readonly oldestPendingAgeMs: number | null;
}

/** What operators ask of the registry: what is owed, what failed, and to put it back in line. */
@Injectable()
export class PublicationQueries {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Puts failed publications back in line, now; attempts start again from zero. */
  async resubmit(filter: PublicationFilter & { id?: string }): Promise<number> {
    const { sql, params } = where({ ...filter, status: 'failed' }, filter.id);
    const result: [unknown[], number] = await this.unitOfWork.manager.query(
      `update event_publications
       set status = 'pending', attempts = 0, next_attempt_at = now(), claim_token = null
       ${sql}`,
      params,
    );
    return result[1];
  }

  /** The status of one publication; null when there is none with that id. */
  async statusOf(id: string): Promise<PublicationStatus | null> {
    const [row]: { status: PublicationStatus }[] = await this.unitOfWork.manager.query(
      `select status from event_publications where id = $1`,
      [id],
    );
    return row?.status ?? null;
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
   * What is still owed: pending (of which processing and stale) and failed publications, and the
   * age of the oldest pending one. Reads only those rows (indexed), so a probe can call it often.
   */
  async backlog(): Promise<Backlog> {
    const [row] = await this.unitOfWork.manager.query(
      `select count(*) filter (where status = 'pending')::int as pending,
              count(*) filter (where status = 'pending' and claim_token is not null
                                 and next_attempt_at > now())::int as processing,
              count(*) filter (where status = 'pending' and claim_token is not null
                                 and next_attempt_at <= now())::int as stale,
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
  async counts(): Promise<Backlog & { completed: number }> {
    const [{ completed }] = await this.unitOfWork.manager.query(
      `select count(*)::int as completed from event_publications where status = 'completed'`,
    );
    return { ...(await this.backlog()), completed };
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
