import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import * as os from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { startChild } from '../lib/children';
import { BenchConfig } from '../lib/config';
import { describeCpu } from '../lib/cpu';
import { rawTransaction } from '../lib/db';
import { ORDER_BODY } from '../lib/orders';
import { Row } from '../lib/report';
import { Scale } from '../lib/scale';
import { Stack } from '../lib/stack';
import { closedLoop, fixedRate, LoopResult, summarize } from '../lib/stats';
import { truncateBenchTables } from './wrapper';

/**
 * 3. HTTP: POST /api/orders under autocannon at fixed connections, and at a fixed moderate rate,
 * each beside a raw-pg transaction writing the same rows: the order, its 3 items and the one
 * publication row the registry records for OrderPlacedEvent (its only subscriber is EHR's).
 * 6. The API process's memory: idle, after the HTTP run, and after a full GC.
 */

const PATIENT = '0b7c7e4e-1c1a-4d7e-9a55-2f4c8f0a0001';
const SUBSCRIBERS = ['ehr.open-encounter-when-order-placed'];

/** PublicationStore.record's statement, on the bench's copy of the table. */
const INSERT_PUBLICATION = `insert into bench_publications
   (id, event_id, event_type, event_version, event, subscriber, status, attempts, next_attempt_at)
 select id, $1, $2, $3, $4::jsonb, subscriber, 'pending', 0, now() + $5 * interval '1 millisecond'
 from unnest($6::uuid[], $7::text[]) as t(id, subscriber)
 on conflict (event_id, subscriber) do nothing`;

const INSERT_ORDER = `insert into bench_orders
   (uuid, patient_id, status, fulfillment_state, tracking_number, created_at, updated_at)
 values ($1, $2, 'pending_clinical_review', 'CA', null, $3, $3)`;

const INSERT_THREE_ITEMS = `insert into bench_items
   (uuid, order_uuid, position, product_id, quantity, requires_prescription, status)
 values ($1, $4, 0, 'amoxicillin-500mg', 1, true, 'pending_review'),
        ($2, $4, 1, 'lisinopril-10mg', 1, true, 'pending_review'),
        ($3, $4, 2, 'ibuprofen-200mg', 1, false, 'not_required')`;

/** The rows one POST /api/orders commits, written by hand in one transaction. */
function placeOrderByHand(pool: Pool): Promise<void> {
  const order = randomUUID();
  const items = [randomUUID(), randomUUID(), randomUUID()];
  const eventId = randomUUID();
  const now = new Date();
  const event = {
    type: 'orders.order-placed',
    version: 1,
    eventId,
    occurredAt: now.toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    payload: {
      orderUuid: order,
      patientId: PATIENT,
      fulfillmentState: 'CA',
      items: ORDER_BODY.items.map((item, i) => ({
        orderItemUuid: items[i],
        productId: item.productId,
        quantity: 1,
        requiresPrescription: i < 2,
      })),
    },
  };
  return rawTransaction(pool, async (client) => {
    await client.query(INSERT_ORDER, [order, PATIENT, now]);
    await client.query(INSERT_THREE_ITEMS, [...items, order]);
    await client.query(INSERT_PUBLICATION, [
      eventId,
      event.type,
      1,
      JSON.stringify(event),
      30_000,
      SUBSCRIBERS.map(() => randomUUID()),
      SUBSCRIBERS,
    ]);
  });
}

interface CannonRun {
  readonly result: autocannon.Result;
  /** Per-request latency of 2xx answers, ms, from autocannon's 'response' events. */
  readonly latencies: number[];
}

async function cannon(options: autocannon.Options): Promise<CannonRun> {
  const latencies: number[] = [];
  const instance = autocannon(options);
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  return { result, latencies };
}

function failures(r: autocannon.Result): string {
  return `${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`;
}

export async function httpSection(
  config: BenchConfig,
  scale: Scale,
  stack: Stack,
  childrenDir: string,
  log: (s: string) => void,
) {
  // 6. Idle memory, and the floor: an empty Node process with the same flag.
  log('memory: idle API, and an empty Node process');
  const idle = await stack.api.call<NodeJS.MemoryUsage>('memory', { gc: true });
  const bare = await startChild({
    name: 'bare',
    script: join(childrenDir, 'bare.js'),
    env: { PATH: process.env.PATH },
    execArgv: ['--expose-gc'],
    logDir: config.logDir,
  });
  const bareMemory = await bare.call<NodeJS.MemoryUsage>('memory', { gc: true });
  await bare.stop();

  log('http: raw pg ceiling, same rows per transaction');
  await truncateBenchTables(config);
  const pool = new Pool({ connectionString: config.databaseUrl, max: config.poolSize });
  let rawLoop: LoopResult;
  let rawRate: LoopResult;
  const stopRawCpu = stack.cpu.start();
  let rawCpu: Record<string, number>;
  try {
    rawLoop = await closedLoop({
      concurrency: config.concurrency,
      warmupMs: scale.wrapperWarmupMs,
      durationMs: scale.wrapperMs,
      op: () => placeOrderByHand(pool),
    });
    rawCpu = stopRawCpu();
    rawRate = await fixedRate({
      perSecond: config.rate,
      durationMs: scale.rateMs,
      op: () => placeOrderByHand(pool),
    });
  } finally {
    await pool.end();
  }
  await truncateBenchTables(config);

  const url = `http://127.0.0.1:${stack.apiPort}/api/orders`;
  const post = {
    url,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${stack.patientToken}`,
    },
    body: JSON.stringify(ORDER_BODY),
    connections: config.concurrency,
    timeout: 10,
  };
  log(`http: POST /api/orders, ${config.concurrency} connections (warm-up)`);
  await cannon({ ...post, duration: scale.httpWarmupMs / 1000 });
  log(`http: POST /api/orders, ${config.concurrency} connections, ${scale.httpMs / 1000} s`);
  let stopCpu = stack.cpu.start();
  const loaded = await stack.phase('http-connections', () =>
    cannon({ ...post, duration: scale.httpMs / 1000 }),
  );
  const loadedCpu = stopCpu();
  const afterRun = await stack.api.call<NodeJS.MemoryUsage>('memory', { gc: false });
  const afterGc = await stack.api.call<NodeJS.MemoryUsage>('memory', { gc: true });

  // A smooth open loop: one request every 1000/rate ms, latency from its intended start.
  // (autocannon's overallRate spends each connection's budget in a burst at the start of every
  // second, so it measures a burst, not a rate; its figures are kept in the details.)
  log(`http: POST /api/orders at ${config.rate} req/s (smooth), ${scale.rateMs / 1000} s`);
  stopCpu = stack.cpu.start();
  const smooth = await stack.phase('http-smooth-rate', () =>
    fixedRate({
      perSecond: config.rate,
      durationMs: scale.rateMs,
      op: () => stack.http.postExpect('/api/orders', ORDER_BODY, 201, stack.patientToken),
    }),
  );
  const smoothCpu = stopCpu();
  log(`http: POST /api/orders, autocannon overallRate ${config.rate}, ${scale.rateMs / 1000} s`);
  const rated = await cannon({
    ...post,
    overallRate: config.rate,
    duration: scale.rateMs / 1000,
  });

  const rps = loaded.result['2xx'] / loaded.result.duration;
  const loadedLatency = summarize(loaded.latencies);
  const ms = (value: number, note?: string) => ({ value, unit: 'ms', note });
  const mib = (bytes: number, note?: string) => ({ value: bytes / 1024 ** 2, unit: 'MiB', note });
  const rawName = `raw pg: order + 3 items + 1 publication row, 1 tx`;
  const back = afterGc.rss <= idle.rss * 1.1;
  const rows: Row[] = [
    {
      id: '3a',
      section: 'http',
      measure: `HTTP POST /api/orders (2 Rx + 1 OTC), ${config.concurrency} connections, throughput`,
      result: { value: rps, unit: 'req/s', note: failures(loaded.result) },
      errors: loaded.result.errors + loaded.result.timeouts + loaded.result.non2xx + rawLoop.errors,
      baselineName: `${rawName}, ${config.concurrency} concurrent`,
      baseline: { value: rawLoop.perSecond, unit: 'tx/s' },
      target: { kind: 'ratio-at-least', min: 0.5 },
    },
    {
      id: '3b',
      section: 'http',
      measure: `HTTP POST /api/orders, ${config.concurrency} connections, p50`,
      result: ms(loadedLatency.p50),
      baselineName: `${rawName}, ${config.concurrency} concurrent, p50`,
      baseline: ms(rawLoop.latency.p50),
    },
    {
      id: '3c',
      section: 'http',
      measure: `HTTP POST /api/orders, ${config.concurrency} connections, p99`,
      result: ms(loadedLatency.p99),
      baselineName: `${rawName}, ${config.concurrency} concurrent, p99`,
      baseline: ms(rawLoop.latency.p99),
    },
    {
      id: '3d',
      section: 'http',
      measure: `HTTP POST /api/orders at a smooth ${config.rate} req/s, p50`,
      result: ms(
        smooth.latency.p50,
        smooth.errors ? `${smooth.errors} errors: ${smooth.firstError}` : '0 errors',
      ),
      errors: smooth.errors + rawRate.errors,
      baselineName: `${rawName} at ${config.rate} tx/s, p50`,
      baseline: ms(rawRate.latency.p50),
    },
    {
      id: '3e',
      section: 'http',
      measure: `HTTP POST /api/orders at a smooth ${config.rate} req/s, p99`,
      result: ms(smooth.latency.p99),
      baselineName: `${rawName} at ${config.rate} tx/s, p99`,
      baseline: ms(rawRate.latency.p99),
    },
    {
      id: '6a',
      section: 'resources',
      measure: 'API process RSS, idle (after boot and a full GC)',
      result: mib(idle.rss),
      baselineName: 'empty Node process, same flags, after GC',
      baseline: mib(bareMemory.rss),
    },
    {
      id: '6b',
      section: 'resources',
      measure: `API process RSS right after the ${scale.httpMs / 1000} s HTTP run`,
      result: mib(afterRun.rss),
      baselineName: 'API RSS idle',
      baseline: mib(idle.rss),
    },
    {
      id: '6c',
      section: 'resources',
      measure: 'API process RSS after the run and a full GC',
      result: mib(afterGc.rss, `back to idle (≤ 1.10×): ${back ? 'yes' : 'no'}`),
      baselineName: 'API RSS idle',
      baseline: mib(idle.rss),
    },
    {
      id: '6d',
      section: 'resources',
      measure: 'API process V8 heap used after the run and a full GC',
      result: mib(afterGc.heapUsed),
      baselineName: 'API heap used idle (after GC)',
      baseline: mib(idle.heapUsed),
    },
  ];
  const strip = ({ result, latencies }: CannonRun) => ({
    autocannon: {
      duration: result.duration,
      '2xx': result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      statusCodeStats: result.statusCodeStats,
      // autocannon's own histogram (integer ms; corrected for coordinated omission at a fixed rate)
      latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    },
    latency: summarize(latencies),
  });
  const burst = summarize(rated.latencies);
  const apiMicrosPerRequest = ((loadedCpu.api ?? Number.NaN) * 1e6) / rps;
  const notes = [
    `3d/3e use a smooth open loop (one POST every ${(1000 / config.rate).toFixed(1)} ms). ` +
      `autocannon with overallRate ${config.rate} sends each connection's budget in a burst at ` +
      `the start of every second; measured that way in this run: p50 ${burst.p50.toFixed(1)} ms, ` +
      `p99 ${burst.p99.toFixed(1)} ms (${failures(rated.result)}).`,
    `CPU in cores during 3a (of ${os.availableParallelism()}): ${describeCpu(loadedCpu)}; ` +
      `the API spent ${apiMicrosPerRequest.toFixed(0)} µs of CPU per request.`,
    `CPU in cores during the raw-pg ceiling of 3a: ${describeCpu(rawCpu)}; the client spent ` +
      `${rawLoop.cpuMicrosPerOp.toFixed(0)} µs of CPU per transaction (5 round trips: BEGIN, 3 ` +
      `inserts, COMMIT; POST /api/orders makes 15 in 2 transactions).`,
    `CPU in cores during 3d/3e: ${describeCpu(smoothCpu)}.`,
  ];
  return {
    rows,
    notes,
    details: {
      rawLoop,
      rawRate,
      loaded: strip(loaded),
      cpu: { loaded: loadedCpu, smooth: smoothCpu, rawCeiling: rawCpu, apiMicrosPerRequest },
      smoothRate: smooth,
      autocannonOverallRate: strip(rated),
      memory: { bare: bareMemory, idle, afterRun, afterGc },
      ordersPlacedPerSecond: rps,
    },
  };
}
