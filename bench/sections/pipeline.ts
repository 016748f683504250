import { randomUUID } from 'node:crypto';
import { CONCURRENCY, Config, log, RATE } from '../lib/config';
import { PATIENT, pool, transaction, sql } from '../lib/db';
import { approve, approveAll, ensureOrders, pendingRequests } from '../lib/orders';
import { fig, Rows } from '../lib/report';
import { Stack } from '../lib/stack';
import { fixedRate, percentile, until } from '../lib/stats';
import { transmitted } from './jobs';

/**
 * 4b. Approval commit → order ready, under load: each order's last pending request is approved
 * at a fixed rate, with the worker and the fake partners running. Both times are recorded by the
 * system inside the committing transaction, a few statements before COMMIT: `occurredAt` of
 * PrescriptionRequestApprovedEvent and of OrderReadyForFulfillmentEvent (event_publications.event,
 * ms resolution). The floor is one raw-pg transaction running the ready path's statements at the
 * same rate, on the copies of the app's tables.
 */
const APPROVED = 'ehr.prescription-request-approved';
const READY = 'orders.order-ready-for-fulfillment';

/** Approval → ready of each order, ms; orders not ready yet are left out. */
const TO_READY = `
  with approved as (
    select event->'payload'->>'orderUuid' as order_uuid, min((event->>'occurredAt')::timestamptz) as at
    from event_publications
    where event_type = '${APPROVED}' and event->'payload'->>'prescriptionRequestId' = any($1)
    group by 1),
  ready as (
    select event->'payload'->>'orderUuid' as order_uuid, min((event->>'occurredAt')::timestamptz) as at
    from event_publications where event_type = '${READY}' group by 1)
  select extract(epoch from r.at - a.at) * 1000 as ms
  from approved a join ready r on r.order_uuid = a.order_uuid`;

/** Orders one approval away from ready, with the approval's publication claimed, in the copies. */
const PREPARE_FLOOR = `
  with o as (
    insert into bench_orders (uuid, patient_id, status, fulfillment_state)
    select gen_random_uuid(), '${PATIENT}', 'pending_clinical_review', 'CA'
    from generate_series(1, $1) returning uuid),
  i as (
    insert into bench_items (uuid, order_uuid, position, product_id, quantity, requires_prescription, status)
    select gen_random_uuid(), o.uuid, p.position, p.product, 1, p.rx, p.status
    from o cross join (values
      (0, 'amoxicillin-500mg', true, 'clinically_approved'),
      (1, 'lisinopril-10mg', true, 'pending_review'),
      (2, 'ibuprofen-200mg', false, 'not_required')) as p(position, product, rx, status)
    returning uuid, order_uuid, position),
  p as (
    insert into bench_publications (id, event_id, event_type, event_version, event, subscriber,
      status, attempts, next_attempt_at, claim_token)
    select gen_random_uuid(), gen_random_uuid(), '${APPROVED}', 1,
      jsonb_build_object('payload', jsonb_build_object('orderUuid', o.uuid)),
      'orders.mark-item-approved-when-prescription-approved', 'pending', 1,
      now() + interval '30 seconds', gen_random_uuid()
    from o returning id, event, claim_token)
  select i.order_uuid as order, i.uuid as item, p.id as pub, p.claim_token as claim
  from i join p on (p.event->'payload'->>'orderUuid')::uuid = i.order_uuid
  where i.position = 1`;

/**
 * The ready path by hand: claim and complete the approval's publication, lock the order, read its
 * items, update the item and the order, record the ready event's publication.
 */
async function readyPathFloor(config: Config, count: number) {
  const prepared = await sql(config.databaseUrl, PREPARE_FLOOR, [count]);
  const db = pool(config);
  return fixedRate(RATE, count, (index) => {
    const { order, item, pub, claim } = prepared[index % prepared.length];
    return transaction(db, async (client) => {
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
      await client.query(`update bench_items set status = 'clinically_approved' where uuid = $1`, [
        item,
      ]);
      await client.query(
        `update bench_orders set status = 'ready_for_fulfillment', tracking_number = null,
           updated_at = current_timestamp where uuid = $1`,
        [order],
      );
      const eventId = randomUUID();
      await client.query(
        `insert into bench_publications (id, event_id, event_type, event_version, event,
           subscriber, status, attempts, next_attempt_at, claim_token)
         select id, $1, $2, 1, $3::jsonb, subscriber, 'pending', 1,
                now() + interval '30 seconds', claim_token
         from unnest($4::uuid[], $5::text[], $6::uuid[]) as t(id, subscriber, claim_token)
         on conflict (event_id, subscriber) do nothing`,
        [
          eventId,
          READY,
          JSON.stringify({ type: READY, eventId, payload: { orderUuid: order } }),
          [randomUUID()],
          ['orders.enqueue-fulfillment-when-order-ready'],
          [randomUUID()],
        ],
      );
    });
  }).finally(() => db.end());
}

export async function pipelineSection(config: Config, stack: Stack): Promise<Rows> {
  const count = config.scale.approvals;
  const missing = count - (await pendingRequests(stack, 'second', count)).length;
  if (missing > 0) {
    log(`pipeline: preparing ${missing} orders with their first request approved`);
    await ensureOrders(stack, missing, CONCURRENCY);
    const firsts = await pendingRequests(stack, 'first', missing);
    await approveAll(stack, firsts, CONCURRENCY);
    await transmitted(stack, firsts);
  }
  const requests = await pendingRequests(stack, 'second', count);

  log(`pipeline: the floor (raw-pg ready path), then ${count} approvals, both at ${RATE}/s`);
  const floor = await readyPathFloor(config, count);
  const approvals = await fixedRate(RATE, requests.length, (i) => approve(stack, requests[i]));
  let latencies: number[] = [];
  await until(`${requests.length} orders to be ready`, async () => {
    const rows = await stack.db.query<{ ms: number }>(TO_READY, [requests]);
    latencies = rows.rows.map((row) => Number(row.ms));
    return latencies.length === requests.length;
  });
  const [p50, p99] = [50, 99].map((p) => percentile(latencies, p));
  return {
    '4b': {
      result: fig(p99, 'ms'),
      baseline: fig(floor.p99, 'ms'),
      errors: approvals.errors + floor.errors,
      note:
        `p50 ${p50.toFixed(1)} ms against ${floor.p50.toFixed(2)} ms; ${latencies.length} orders; ` +
        `approvals achieved ${approvals.perSecond.toFixed(0)}/s, HTTP p99 ${approvals.p99.toFixed(0)} ms` +
        (approvals.firstError ? `; first error: ${approvals.firstError}` : ''),
    },
  };
}
