import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { BenchConfig } from '../lib/config';
import { describeCpu } from '../lib/cpu';
import { rawTransaction } from '../lib/db';
import { jobTimes, NoopJobs } from '../lib/jobs';
import {
  approveAll,
  approveAtRate,
  ensureOrders,
  firstRequests,
  Request,
  secondRequests,
} from '../lib/orders';
import { Row } from '../lib/report';
import { Scale } from '../lib/scale';
import { Stack } from '../lib/stack';
import { fixedRate, summarize, until } from '../lib/stats';
import { erxTimes } from './jobs';

/**
 * 4. Pipeline latency under load, partners at zero latency: approvals of each order's last
 * pending request at a fixed rate; from the approval to the order being ready for fulfillment,
 * and from there to fulfilled. Every time is one the system itself recorded:
 *   approved  occurredAt of PrescriptionRequestApprovedEvent (event_publications.event)
 *   ready     occurredAt of OrderReadyForFulfillmentEvent (event_publications.event)
 *   fulfilled orders.updated_at of the fulfilled order (set by the fulfilling transaction)
 * Each is taken inside the transaction that commits the change, a few statements before COMMIT.
 */

const APPROVED = 'ehr.prescription-request-approved';
const READY = 'orders.order-ready-for-fulfillment';
const APPLY_SUBSCRIBER = 'orders.mark-item-approved-when-prescription-approved';
const ENQUEUE_SUBSCRIBER = 'orders.enqueue-fulfillment-when-order-ready';

interface Timeline {
  orderUuid: string;
  approved: number;
  /** Start of the transaction that dispatched the approval to Orders (its completed_at). */
  applyStarted: number;
  ready: number;
  /** Start of the transaction that dispatched the ready event to the enqueuer. */
  enqueueStarted: number;
  fulfilled: number;
}

async function timelines(stack: Stack, requests: readonly Request[]): Promise<Timeline[]> {
  const { rows } = await stack.db.query<{
    orderUuid: string;
    approved: Date;
    applyStarted: Date;
    ready: Date;
    enqueueStarted: Date;
    fulfilled: Date;
  }>(
    `with approved as (
       select event->'payload'->>'orderUuid' as order_uuid,
              min((event->>'occurredAt')::timestamptz) as approved,
              min(completed_at) filter (where subscriber = $3) as apply_started
       from event_publications
       where event_type = $1 and event->'payload'->>'prescriptionRequestId' = any($5)
       group by 1),
     ready as (
       select event->'payload'->>'orderUuid' as order_uuid,
              min((event->>'occurredAt')::timestamptz) as ready,
              min(completed_at) filter (where subscriber = $4) as enqueue_started
       from event_publications where event_type = $2
       group by 1)
     select a.order_uuid as "orderUuid", a.approved, a.apply_started as "applyStarted",
            r.ready, r.enqueue_started as "enqueueStarted", o.updated_at as fulfilled
     from approved a
     join ready r on r.order_uuid = a.order_uuid
     join orders o on o.uuid = a.order_uuid::uuid and o.status = 'fulfilled'`,
    [APPROVED, READY, APPLY_SUBSCRIBER, ENQUEUE_SUBSCRIBER, requests.map((r) => r.requestId)],
  );
  return rows.map((r) => ({
    orderUuid: r.orderUuid,
    approved: r.approved.getTime(),
    applyStarted: r.applyStarted?.getTime() ?? Number.NaN,
    ready: r.ready.getTime(),
    enqueueStarted: r.enqueueStarted?.getTime() ?? Number.NaN,
    fulfilled: r.fulfilled.getTime(),
  }));
}

/**
 * The floor of approval → ready: one raw-pg transaction with the statements the ready path runs
 * (lock the publication, lock the order, read its items, update the item and the order, record
 * the ready event's publication, mark the first one completed), on copies of the app's tables.
 */
async function readyPathFloor(config: BenchConfig, perSecond: number, count: number) {
  const pool = new Pool({ connectionString: config.databaseUrl, max: config.poolSize });
  try {
    const { rows: prepared } = await pool.query<{ order: string; item: string; pub: string }>(
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
           (id, event_id, event_type, event_version, event, subscriber, status, attempts, next_attempt_at)
         select gen_random_uuid(), gen_random_uuid(), '${APPROVED}', 1,
                jsonb_build_object('payload', jsonb_build_object('orderUuid', o.uuid)),
                '${APPLY_SUBSCRIBER}', 'pending', 0, now() + interval '30 seconds'
         from o returning id, event
       )
       select i.order_uuid as order, i.uuid as item, p.id as pub
       from i join p on (p.event->'payload'->>'orderUuid')::uuid = i.order_uuid
       where i.position = 1`,
      [count],
    );
    return await fixedRate({
      perSecond,
      durationMs: (count / perSecond) * 1000,
      op: (index) => {
        const { order, item, pub } = prepared[index % prepared.length];
        return rawTransaction(pool, async (client) => {
          await client.query(
            `select 1 from bench_publications where id = $1 and status = 'pending'
             for update skip locked`,
            [pub],
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
               (id, event_id, event_type, event_version, event, subscriber, status, attempts, next_attempt_at)
             select id, $1, $2, 1, $3::jsonb, subscriber, 'pending', 0, now() + interval '30 seconds'
             from unnest($4::uuid[], $5::text[]) as t(id, subscriber)
             on conflict (event_id, subscriber) do nothing`,
            [
              eventId,
              READY,
              JSON.stringify({ type: READY, eventId, payload: { orderUuid: order } }),
              [randomUUID()],
              [ENQUEUE_SUBSCRIBER],
            ],
          );
          await client.query(
            `update bench_publications set status = 'completed', attempts = attempts + 1,
               completed_at = now(), last_error = null where id = $1`,
            [pub],
          );
        });
      },
    });
  } finally {
    await pool.end();
  }
}

/** Approves the requests at `perSecond`, waits for their orders to ship, and reads the times. */
async function throughThePipeline(
  config: BenchConfig,
  stack: Stack,
  requests: readonly Request[],
  perSecond: number,
) {
  const stopCpu = stack.cpu.start();
  const approvals = await approveAtRate(stack, requests, perSecond);
  const orders = requests.map((r) => r.orderUuid);
  await until(
    `${orders.length} orders to be fulfilled`,
    async () => {
      const { rows } = await stack.db.query<{ n: number }>(
        `select count(*)::int as n from orders where uuid = any($1) and status = 'fulfilled'`,
        [orders],
      );
      return rows[0].n === orders.length;
    },
    180_000,
  );
  const cpu = stopCpu();
  const lines = await timelines(stack, requests);
  const fulfillJobs = await jobTimes(
    config.redisUrl,
    'fulfillment',
    lines.map((t) => `fulfill-${t.orderUuid}`),
  );
  const marks = lines.map((t, i) => ({
    ...t,
    jobAdded: fulfillJobs[i].added,
    jobPicked: fulfillJobs[i].processedOn,
  }));
  type Mark = keyof (typeof marks)[number];
  const seg = (from: Mark, to: Mark) =>
    summarize(
      marks.map((t) => (t[to] as number) - (t[from] as number)).filter((v) => Number.isFinite(v)),
    );
  return {
    perSecond,
    orders: lines.length,
    cpu,
    approvals,
    toReady: seg('approved', 'ready'),
    toFulfilled: seg('ready', 'fulfilled'),
    segments: {
      approvedToApplyTxStart: seg('approved', 'applyStarted'),
      applyTxStartToReady: seg('applyStarted', 'ready'),
      readyToEnqueueTxStart: seg('ready', 'enqueueStarted'),
      enqueueTxStartToJobAdded: seg('enqueueStarted', 'jobAdded'),
      jobAddedToPicked: seg('jobAdded', 'jobPicked'),
      jobPickedToFulfilled: seg('jobPicked', 'fulfilled'),
    },
  };
}

export async function pipelineSection(
  config: BenchConfig,
  scale: Scale,
  stack: Stack,
  log: (s: string) => void,
) {
  const count = scale.pipelineApprovals;
  const lowRate = Math.max(1, Math.round(config.rate / 4));
  const lowCount = Math.max(20, Math.round((lowRate * scale.rateMs) / 1000));
  const lanes = config.concurrency;
  const needed = count + lowCount;
  let requests = await secondRequests(stack, needed);
  if (requests.length < needed) {
    const missing = needed - requests.length;
    log(`pipeline: preparing ${missing} orders with their first request approved`);
    await ensureOrders(stack, missing, lanes);
    const firsts = await firstRequests(stack, missing);
    await approveAll(stack, firsts, lanes);
    await erxTimes(config, stack, firsts);
    requests = await secondRequests(stack, needed);
  }

  log(`pipeline: baseline: no-op BullMQ job at ${config.rate}/s`);
  const noop = new NoopJobs(stack, config.redisUrl, lanes);
  await noop.start();
  const noopLatency = summarize(await noop.latencyAtRate(config.rate, count));
  await noop.stop();
  await noop.close();

  log(`pipeline: baseline: raw-pg ready-path transaction at ${config.rate}/s`);
  const floor = await readyPathFloor(config, config.rate, count);

  log(`pipeline: ${lowCount} approvals at ${lowRate}/s through the whole system`);
  const low = await stack.phase('pipeline-low-rate', () =>
    throughThePipeline(config, stack, requests.slice(count), lowRate),
  );
  log(`pipeline: ${count} approvals at ${config.rate}/s through the whole system`);
  const high = await stack.phase('pipeline-rate', () =>
    throughThePipeline(config, stack, requests.slice(0, count), config.rate),
  );

  const ms = (value: number, note?: string) => ({ value, unit: 'ms', note });
  const floorName = (p: string) =>
    `raw pg: the ready path's statements in 1 tx at ${config.rate}/s, ${p}`;
  const rows: Row[] = [
    {
      id: '4a',
      section: 'pipeline',
      measure: `Approval → order ready_for_fulfillment, approvals at ${config.rate}/s, p50`,
      result: ms(high.toReady.p50, `${high.orders} orders`),
      errors: high.approvals.errors,
      baselineName: floorName('p50'),
      baseline: ms(floor.latency.p50),
    },
    {
      id: '4b',
      section: 'pipeline',
      measure: `Approval → order ready_for_fulfillment, approvals at ${config.rate}/s, p99`,
      result: ms(high.toReady.p99),
      baselineName: floorName('p99'),
      baseline: ms(floor.latency.p99),
      target: { kind: 'value-below', max: 25 },
    },
    {
      id: '4c',
      section: 'pipeline',
      measure: `Ready → fulfilled (BullMQ job + pharmacy call + tx), approvals at ${config.rate}/s, p50`,
      result: ms(high.toFulfilled.p50),
      baselineName: `no-op BullMQ job at ${config.rate}/s: add → finishedOn, p50`,
      baseline: ms(noopLatency.p50),
    },
    {
      id: '4d',
      section: 'pipeline',
      measure: `Ready → fulfilled (BullMQ job + pharmacy call + tx), approvals at ${config.rate}/s, p99`,
      result: ms(high.toFulfilled.p99),
      baselineName: `no-op BullMQ job at ${config.rate}/s: add → finishedOn, p99`,
      baseline: ms(noopLatency.p99),
    },
    {
      id: '4e',
      section: 'pipeline',
      measure: `Diagnostic: approval → ready at ${lowRate}/s (a rate this machine sustains), p50`,
      result: ms(low.toReady.p50, `${low.orders} orders`),
      errors: low.approvals.errors,
      baselineName: floorName('p50'),
      baseline: ms(floor.latency.p50),
    },
    {
      id: '4f',
      section: 'pipeline',
      measure: `Diagnostic: approval → ready at ${lowRate}/s, p99`,
      result: ms(low.toReady.p99),
      baselineName: floorName('p99'),
      baseline: ms(floor.latency.p99),
    },
  ];
  const rate = (r: typeof high) =>
    `${r.approvals.perSecond.toFixed(0)}/s achieved, HTTP p50 ${r.approvals.latency.p50.toFixed(0)} ms, ` +
    `p99 ${r.approvals.latency.p99.toFixed(0)} ms; CPU in cores: ${describeCpu(r.cpu)}`;
  const notes = [
    `Approvals offered at ${config.rate}/s: ${rate(high)}.`,
    `Approvals offered at ${lowRate}/s: ${rate(low)}.`,
  ];
  return {
    rows,
    notes,
    details: { high, low, noopJobLatency: noopLatency, readyPathFloor: floor },
  };
}
