import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { BenchConfig } from '../lib/config';
import { rawTransaction } from '../lib/db';
import {
  approveAll,
  approveAtRate,
  ensureOrders,
  firstRequests,
  Request,
  secondRequests,
} from '../lib/orders';
import { Measured } from '../lib/report';
import { Scale } from '../lib/scale';
import { Stack } from '../lib/stack';
import { fixedRate, summarize, until } from '../lib/stats';
import { erxTimes } from './jobs';

/**
 * 4b. Approval commit → order ready, under load: each order's last pending request is approved
 * at a fixed rate, with the worker and the fake partners running. Both times are ones the system
 * recorded inside the committing transaction, a few statements before COMMIT: `occurredAt` of
 * PrescriptionRequestApprovedEvent and of OrderReadyForFulfillmentEvent (event_publications.event,
 * ms resolution). The floor is one raw-pg transaction running the ready path's statements at the
 * same rate.
 */

const APPROVED = 'ehr.prescription-request-approved';
const READY = 'orders.order-ready-for-fulfillment';
const APPLY_SUBSCRIBER = 'orders.mark-item-approved-when-prescription-approved';
const ENQUEUE_SUBSCRIBER = 'orders.enqueue-fulfillment-when-order-ready';

/** Approval → ready of each order, ms; orders not ready yet are left out. */
async function toReady(stack: Stack, requests: readonly Request[]): Promise<number[]> {
  const { rows } = await stack.db.query<{ ms: number }>(
    `with approved as (
       select event->'payload'->>'orderUuid' as order_uuid,
              min((event->>'occurredAt')::timestamptz) as at
       from event_publications
       where event_type = $1 and event->'payload'->>'prescriptionRequestId' = any($3)
       group by 1),
     ready as (
       select event->'payload'->>'orderUuid' as order_uuid,
              min((event->>'occurredAt')::timestamptz) as at
       from event_publications where event_type = $2 group by 1)
     select extract(epoch from r.at - a.at) * 1000 as ms
     from approved a join ready r on r.order_uuid = a.order_uuid`,
    [APPROVED, READY, requests.map((r) => r.requestId)],
  );
  return rows.map((r) => Number(r.ms));
}

/**
 * The floor of approval → ready: one raw-pg transaction with the statements the ready path runs
 * (claim and complete the approval's publication, lock the order, read its items, update the
 * item and the order, record the ready event's publication), on copies of the app's tables.
 */
async function readyPathFloor(config: BenchConfig, perSecond: number, count: number) {
  const pool = new Pool({ connectionString: config.databaseUrl, max: config.poolSize });
  try {
    const { rows: prepared } = await pool.query<{
      order: string;
      item: string;
      pub: string;
      claim: string;
    }>(
      `with o as (
         insert into bench_orders (uuid, patient_id, status, fulfillment_state)
         select gen_random_uuid(), '0b7c7e4e-1c1a-4d7e-9a55-2f4c8f0a0001',
                'pending_clinical_review', 'CA'
         from generate_series(1, $1) returning uuid),
       i as (
         insert into bench_items
           (uuid, order_uuid, position, product_id, quantity, requires_prescription, status)
         select gen_random_uuid(), o.uuid, p.position, p.product, 1, p.rx, p.status
         from o cross join (values
           (0, 'amoxicillin-500mg', true, 'clinically_approved'),
           (1, 'lisinopril-10mg', true, 'pending_review'),
           (2, 'ibuprofen-200mg', false, 'not_required')) as p(position, product, rx, status)
         returning uuid, order_uuid, position),
       p as (
         insert into bench_publications
           (id, event_id, event_type, event_version, event, subscriber, status, attempts,
            next_attempt_at, claim_token)
         select gen_random_uuid(), gen_random_uuid(), '${APPROVED}', 1,
                jsonb_build_object('payload', jsonb_build_object('orderUuid', o.uuid)),
                '${APPLY_SUBSCRIBER}', 'pending', 1, now() + interval '30 seconds',
                gen_random_uuid()
         from o returning id, event, claim_token
       )
       select i.order_uuid as order, i.uuid as item, p.id as pub, p.claim_token as claim
       from i join p on (p.event->'payload'->>'orderUuid')::uuid = i.order_uuid
       where i.position = 1`,
      [count],
    );
    return await fixedRate({
      perSecond,
      durationMs: (count / perSecond) * 1000,
      op: (index) => {
        const { order, item, pub, claim } = prepared[index % prepared.length];
        return rawTransaction(pool, async (client) => {
          await client.query(
            `update bench_publications
             set status = 'completed', completed_at = now(), last_error = null, claim_token = null
             where id = $1 and status = 'pending' and claim_token = $2`,
            [pub, claim],
          );
          await client.query('select * from bench_orders where uuid = $1 for update', [order]);
          await client.query('select * from bench_items where order_uuid = $1 order by position', [
            order,
          ]);
          await client.query(
            `update bench_items set status = 'clinically_approved' where uuid = $1`,
            [item],
          );
          await client.query(
            `update bench_orders set status = 'ready_for_fulfillment', tracking_number = null,
               updated_at = current_timestamp where uuid = $1`,
            [order],
          );
          const eventId = randomUUID();
          await client.query(
            `insert into bench_publications
               (id, event_id, event_type, event_version, event, subscriber, status, attempts,
                next_attempt_at, claim_token)
             select id, $1, $2, 1, $3::jsonb, subscriber, 'pending', 1,
                    now() + interval '30 seconds', claim_token
             from unnest($4::uuid[], $5::text[], $6::uuid[]) as t(id, subscriber, claim_token)
             on conflict (event_id, subscriber) do nothing`,
            [
              eventId,
              READY,
              JSON.stringify({ type: READY, eventId, payload: { orderUuid: order } }),
              [randomUUID()],
              [ENQUEUE_SUBSCRIBER],
              [randomUUID()],
            ],
          );
        });
      },
    });
  } finally {
    await pool.end();
  }
}

export async function pipelineSection(
  config: BenchConfig,
  scale: Scale,
  stack: Stack,
  log: (s: string) => void,
) {
  const count = scale.pipelineApprovals;
  const lanes = config.concurrency;
  let requests = await secondRequests(stack, count);
  if (requests.length < count) {
    const missing = count - requests.length;
    log(`pipeline: preparing ${missing} orders with their first request approved`);
    await ensureOrders(stack, missing, lanes);
    const firsts = await firstRequests(stack, missing);
    await approveAll(stack, firsts, lanes);
    await erxTimes(config, stack, firsts);
    requests = await secondRequests(stack, count);
  }

  log(`pipeline: the floor: raw-pg ready-path transaction at ${config.rate}/s`);
  const floor = await readyPathFloor(config, config.rate, count);

  log(`pipeline: ${count} approvals at ${config.rate}/s through the whole system`);
  const approvals = await stack.phase('pipeline-rate', () =>
    approveAtRate(stack, requests, config.rate),
  );
  let latencies: number[] = [];
  await until(
    `${requests.length} orders to be ready`,
    async () => (latencies = await toReady(stack, requests)).length === requests.length,
    180_000,
  );
  const ready = summarize(latencies);
  const row: Measured = {
    result: { value: ready.p99, unit: 'ms' },
    baseline: { value: floor.latency.p99, unit: 'ms' },
    errors: approvals.errors + floor.errors,
    note:
      `p50 ${ready.p50.toFixed(1)} ms against ${floor.latency.p50.toFixed(2)} ms; ` +
      `${ready.count} orders; approvals achieved ${approvals.perSecond.toFixed(0)}/s, ` +
      `HTTP p99 ${approvals.latency.p99.toFixed(0)} ms` +
      (approvals.firstError ? `; first error: ${approvals.firstError}` : ''),
  };
  return { rows: { '4b': row }, details: { ready, approvals, floor } };
}
