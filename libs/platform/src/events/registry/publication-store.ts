import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '../../transactions/unit-of-work';
import { DomainEvent } from '../domain-event';
import { PublicationStatus } from './event-publication.entity';
import { currentTraceCarrier } from '../../telemetry/spans';
import { SerializedEvent, serializeEvent } from './event-serializer';

/**
 * A publication this process may deliver, under a lease: until `next_attempt_at`, no relay takes
 * it over. The lease token proves the lease is still this process's own, so a delivery whose
 * lease expired and was taken over elsewhere can neither complete it nor record a failure.
 */
export interface Lease {
  readonly id: string;
  readonly subscriber: string;
  /** Stored in the `claim_token` column (named before the vocabulary settled; same value). */
  readonly leaseToken: string;
  /** The publishing span's W3C trace context, so the delivery continues its trace. */
  readonly traceContext?: Record<string, string> | null;
}

/** A due publication the relay claimed: its lease, and the stored event to deliver. */
export interface ClaimedPublication extends Lease {
  readonly event: SerializedEvent;
}

const MS = "* interval '1 millisecond'";

/**
 * The registry's delivery path, in SQL: every statement here runs once per publication. Its
 * words: a publication is *recorded* in the business transaction, *claimed* by the relay when it
 * is due, and *completed* in the subscriber's transaction, each step under a lease whose token
 * (column `claim_token`) says who holds it.
 */
@Injectable()
export class PublicationStore {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * Records one publication per subscriber in the current transaction, each leased for `leaseMs`
   * to this process, which delivers them right after commit; the relay takes over only when a
   * lease runs out. Publishing the same event again records nothing more. The lease counts as the
   * first attempt: attempts are counted when a delivery starts, so a delivery that kills its
   * process is counted too.
   */
  async record(
    event: DomainEvent,
    subscribers: readonly string[],
    leaseMs: number,
  ): Promise<Lease[]> {
    const traceContext = currentTraceCarrier();
    const leases = subscribers.map((subscriber) => ({
      id: randomUUID(),
      subscriber,
      leaseToken: randomUUID(),
      traceContext,
    }));
    await this.unitOfWork.manager.query(
      `insert into event_publications (id, event_id, event_type, event_version, event, subscriber,
         status, attempts, next_attempt_at, claim_token, trace_context)
       select id, $1, $2, $3, $4::jsonb, subscriber, 'pending', 1, now() + $5 ${MS}, lease_token,
         $9::jsonb
       from unnest($6::uuid[], $7::text[], $8::uuid[]) as t(id, subscriber, lease_token)
       on conflict (event_id, subscriber) do nothing`,
      [
        event.eventId,
        event.type,
        event.version,
        JSON.stringify(serializeEvent(event)),
        leaseMs,
        leases.map((lease) => lease.id),
        subscribers,
        leases.map((lease) => lease.leaseToken),
        traceContext && JSON.stringify(traceContext),
      ],
    );
    return leases;
  }

  /**
   * Marks a publication completed, in the transaction of the subscriber about to handle it: the
   * mark commits with the subscriber's writes, or rolls back with them. False when it is no longer
   * pending or the lease is no longer ours (another process took it over): not ours to run.
   *
   * It waits for the row lock rather than skipping a locked row: a relay's claim that scanned the
   * row just as this process leased it keeps its lock until that claim commits, though it takes
   * nothing, and skipping would leave the publication owed until its lease ran out.
   */
  async complete({ id, leaseToken }: Lease): Promise<boolean> {
    // For an UPDATE, TypeORM's postgres driver answers [rows, affected count].
    const [, affected]: [unknown[], number] = await this.unitOfWork.manager.query(
      `update event_publications
       set status = 'completed', completed_at = now(), last_error = null, claim_token = null
       where id = $1 and status = 'pending' and claim_token = $2`,
      [id, leaseToken],
    );
    return affected > 0;
  }

  /**
   * Schedules the retry of a failed attempt (already counted when it started), or gives up;
   * returns the new status. Null when the lease is no longer ours (another process took the
   * publication over meanwhile).
   */
  async recordFailure(
    { id, leaseToken }: Lease,
    error: string,
    retry: (attemptsMade: number) => number | null,
  ): Promise<{ status: PublicationStatus; attempts: number } | null> {
    const [row]: { attempts: number }[] = await this.unitOfWork.manager.query(
      `select attempts from event_publications
       where id = $1 and status = 'pending' and claim_token = $2 for update`,
      [id, leaseToken],
    );
    if (!row) return null;
    const { attempts } = row;
    const delayMs = retry(attempts);
    const status: PublicationStatus = delayMs === null ? 'failed' : 'pending';
    await this.unitOfWork.manager.query(
      `update event_publications
       set attempts = $2, last_error = $3, status = $4, next_attempt_at = now() + $5 ${MS},
           claim_token = null
       where id = $1`,
      [id, attempts, error.slice(0, 4000), status, delayMs ?? 0],
    );
    return { status, attempts };
  }

  /**
   * Claims up to `limit` due publications for the given subscribers, leasing each for `leaseMs`
   * under a fresh lease token, and counting the attempt now. SKIP LOCKED lets any number of relays
   * claim side by side without waiting on, or taking, each other's rows. A due publication whose
   * `maxAttempts` have all started already is failed instead: its deliveries kept dying (or
   * outliving their lease) without recording an outcome, and must not be retried forever.
   */
  async claimDue(
    subscribers: readonly string[],
    limit: number,
    leaseMs: number,
    maxAttempts = 2_147_483_647,
  ): Promise<ClaimedPublication[]> {
    // One statement, as cheap as a plain claim: a row whose attempts are all used is failed in
    // the same pass instead of claimed (SET expressions read the row as it was before).
    const [rows]: [(ClaimedPublication & { status: PublicationStatus })[], number] =
      await this.unitOfWork.manager.query(
        `update event_publications
         set status = case when attempts >= $4 then 'failed' else status end,
             last_error = case when attempts >= $4
               then 'gave up after ' || attempts || ' attempts that never finished: '
                    || coalesce(last_error, 'each delivery died or outlived its lease')
               else last_error end,
             claim_token = case when attempts >= $4 then null else gen_random_uuid() end,
             next_attempt_at = case when attempts >= $4 then next_attempt_at
                                    else now() + $3 ${MS} end,
             attempts = case when attempts >= $4 then attempts else attempts + 1 end
         where id in (
           select id from event_publications
           where status = 'pending' and next_attempt_at <= now() and subscriber = any($1)
           order by next_attempt_at
           limit $2
           for update skip locked)
         returning id, subscriber, event, claim_token as "leaseToken",
           trace_context as "traceContext", status`,
        [subscribers, limit, leaseMs, maxAttempts],
      );
    return rows
      .filter((row) => row.status === 'pending')
      .map(({ status: _status, ...claimed }) => claimed);
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
