"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PublicationStore = void 0;
const common_1 = require("@nestjs/common");
const node_crypto_1 = require("node:crypto");
const unit_of_work_1 = require("../../transactions/unit-of-work");
const event_serializer_1 = require("./event-serializer");
/** The registry's table, spoken to in SQL: every statement here is on a hot or a recovery path. */
let PublicationStore = class PublicationStore {
    constructor(unitOfWork) {
        this.unitOfWork = unitOfWork;
    }
    /**
     * Records one publication per subscriber in the current transaction; publishing the same event
     * again records nothing more. They start leased for
     * `leaseMs` to this process, which dispatches them right after commit; the relay takes over
     * only if that lease runs out (the process died, or dispatch failed to record itself).
     */
    async record(event, subscribers, leaseMs) {
        const ids = subscribers.map(() => (0, node_crypto_1.randomUUID)());
        const serialized = JSON.stringify((0, event_serializer_1.serializeEvent)(event));
        await this.unitOfWork.manager.query(`insert into event_publications
         (id, event_id, event_type, event_version, event, subscriber, status, attempts, next_attempt_at)
       select id, $1, $2, $3, $4::jsonb, subscriber, 'pending', 0, now() + $5 * interval '1 millisecond'
       from unnest($6::uuid[], $7::text[]) as t(id, subscriber)
       on conflict (event_id, subscriber) do nothing`, [event.eventId, event.type, event.version, serialized, leaseMs, ids, subscribers]);
        return ids;
    }
    /**
     * Locks a publication for dispatch in the current transaction. Null when another process holds
     * it, or when it is no longer pending: either way it is not ours to run.
     */
    async lockPending(id) {
        const rows = await this.unitOfWork.manager.query(`select 1 from event_publications where id = $1 and status = 'pending' for update skip locked`, [id]);
        return rows.length > 0;
    }
    async markCompleted(id) {
        await this.unitOfWork.manager.query(`update event_publications
       set status = 'completed', attempts = attempts + 1, completed_at = now(), last_error = null
       where id = $1`, [id]);
    }
    /** Counts a failed attempt and schedules the retry, or gives up; returns the new status. */
    async recordFailure(id, error, retry) {
        const [row] = await this.unitOfWork.manager.query(`select attempts from event_publications where id = $1 and status = 'pending' for update`, [id]);
        if (!row)
            return null;
        const attempts = row.attempts + 1;
        const delayMs = retry(attempts);
        const status = delayMs === null ? 'failed' : 'pending';
        await this.unitOfWork.manager.query(`update event_publications
       set attempts = $2, last_error = $3, status = $4,
           next_attempt_at = now() + $5 * interval '1 millisecond'
       where id = $1`, [id, attempts, error.slice(0, 4000), status, delayMs ?? 0]);
        return { status, attempts };
    }
    /**
     * Claims up to `limit` due publications for the given subscribers, leasing them for `leaseMs`.
     * SKIP LOCKED lets any number of relays run side by side without waiting on, or taking, each
     * other's rows.
     */
    async claimDue(subscribers, limit, leaseMs) {
        // For an UPDATE, TypeORM's postgres driver answers [rows, affected count].
        const [rows] = await this.unitOfWork.manager.query(`update event_publications set next_attempt_at = now() + $3 * interval '1 millisecond'
       where id in (
         select id from event_publications
         where status = 'pending' and next_attempt_at <= now() and subscriber = any($1)
         order by next_attempt_at
         limit $2
         for update skip locked)
       returning id, subscriber, event`, [subscribers, limit, leaseMs]);
        return rows;
    }
    /** Puts failed publications back in line, now; attempts start again from zero. */
    async resubmit(filter) {
        const { sql, params } = where({ ...filter, status: 'failed' }, filter.id);
        const result = await this.unitOfWork.manager.query(`update event_publications set status = 'pending', attempts = 0, next_attempt_at = now()
       ${sql}`, params);
        return result[1];
    }
    async list(filter, limit, offset) {
        const { sql, params } = where(filter);
        return this.unitOfWork.manager.query(`select id, event_id as "eventId", event_type as "eventType", event_version as "eventVersion",
              event, subscriber, status, attempts, last_error as "lastError",
              next_attempt_at as "nextAttemptAt", created_at as "createdAt", completed_at as "completedAt"
       from event_publications ${sql}
       order by created_at desc, id
       limit $${params.length + 1} offset $${params.length + 2}`, [...params, limit, offset]);
    }
    /** Counts by status, and the age of the oldest pending publication: a growing backlog shows. */
    async counts() {
        const [row] = await this.unitOfWork.manager.query(`select count(*) filter (where status = 'pending')::int as pending,
              count(*) filter (where status = 'completed')::int as completed,
              count(*) filter (where status = 'failed')::int as failed,
              (extract(epoch from now() - min(created_at) filter (where status = 'pending')) * 1000)::bigint
                as "oldestPendingAgeMs"
       from event_publications`);
        return {
            ...row,
            oldestPendingAgeMs: row.oldestPendingAgeMs === null ? null : Number(row.oldestPendingAgeMs),
        };
    }
    /** Deletes completed publications older than the retention, a batch at a time. */
    async purgeCompleted(olderThanMs, batch) {
        const result = await this.unitOfWork.manager.query(`delete from event_publications where id in (
         select id from event_publications
         where status = 'completed' and completed_at < now() - $1 * interval '1 millisecond'
         limit $2)`, [olderThanMs, batch]);
        return result[1];
    }
};
exports.PublicationStore = PublicationStore;
exports.PublicationStore = PublicationStore = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [unit_of_work_1.UnitOfWork])
], PublicationStore);
function where(filter, id) {
    const clauses = [];
    const params = [];
    const add = (column, value) => {
        if (value === undefined)
            return;
        params.push(value);
        clauses.push(`${column} = $${params.length}`);
    };
    add('id', id);
    add('status', filter.status);
    add('event_type', filter.eventType);
    add('subscriber', filter.subscriber);
    return { sql: clauses.length ? `where ${clauses.join(' and ')}` : '', params };
}
