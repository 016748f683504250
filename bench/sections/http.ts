import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { BenchConfig } from '../lib/config';
import { truncateBenchTables } from '../lib/db';
import { ORDER_BODY } from '../lib/orders';
import { Measured } from '../lib/report';
import { Scale } from '../lib/scale';
import { Stack } from '../lib/stack';
import { closedLoop } from '../lib/stats';

/**
 * 3a. POST /api/orders under autocannon at fixed connections, beside raw pg running the two
 * transactions an order costs, at the same concurrency: the order's own (it reads the catalog and
 * writes the order, its 3 items and the publication row of OrderPlacedEvent for its one
 * subscriber), then EHR's delivery of that event on the same connection (it completes the
 * publication row and opens an encounter with 2 prescription requests). The copies of the app's
 * tables carry the same indexes and constraints.
 * 6c. The API process's resident memory after that load and a full GC, against idle.
 */

const PATIENT = '0b7c7e4e-1c1a-4d7e-9a55-2f4c8f0a0001';
const SUBSCRIBER = 'ehr.open-encounter-when-order-placed';
const PRODUCTS = ORDER_BODY.items.map((item) => item.productId);

async function inTransaction(client: PoolClient, work: () => Promise<unknown>): Promise<void> {
  await client.query('begin');
  try {
    await work();
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** What one POST /api/orders commits, written by hand. */
async function placeOrderByHand(pool: Pool): Promise<void> {
  const [order, encounter, publication, claim] = [1, 2, 3, 4].map(() => randomUUID());
  const items = PRODUCTS.map(() => randomUUID());
  const event = {
    type: 'orders.order-placed',
    version: 1,
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    payload: {
      orderUuid: order,
      patientId: PATIENT,
      fulfillmentState: 'CA',
      items: PRODUCTS.map((productId, i) => ({
        orderItemUuid: items[i],
        productId,
        quantity: 1,
        requiresPrescription: i < 2,
      })),
    },
  };
  const client = await pool.connect();
  try {
    await inTransaction(client, async () => {
      await client.query('select * from products where id = any($1)', [PRODUCTS]);
      await client.query(
        `insert into bench_orders
           (uuid, patient_id, status, fulfillment_state, tracking_number, created_at, updated_at)
         values ($1, $2, 'pending_clinical_review', 'CA', null, now(), now())`,
        [order, PATIENT],
      );
      await client.query(
        `insert into bench_items
           (uuid, order_uuid, position, product_id, quantity, requires_prescription, status)
         values ($1, $4, 0, $5, 1, true, 'pending_review'), ($2, $4, 1, $6, 1, true, 'pending_review'),
                ($3, $4, 2, $7, 1, false, 'not_required')`,
        [...items, order, ...PRODUCTS],
      );
      await client.query(
        `insert into bench_publications (id, event_id, event_type, event_version, event,
           subscriber, status, attempts, next_attempt_at, claim_token)
         values ($1, $2, $3, 1, $4::jsonb, $5, 'pending', 1, now() + interval '30 seconds', $6)
         on conflict (event_id, subscriber) do nothing`,
        [publication, event.eventId, event.type, JSON.stringify(event), SUBSCRIBER, claim],
      );
    });
    await inTransaction(client, async () => {
      await client.query(
        `update bench_publications
         set status = 'completed', completed_at = now(), last_error = null, claim_token = null
         where id = $1 and status = 'pending' and claim_token = $2`,
        [publication, claim],
      );
      await client.query(
        `insert into bench_encounters (id, order_uuid, patient_id, fulfillment_state, status)
         values ($1, $2, $3, 'CA', 'open') on conflict do nothing returning id`,
        [encounter, order, PATIENT],
      );
      await client.query(
        `insert into bench_requests
           (id, encounter_id, order_item_uuid, product_id, quantity, position, status)
         values ($1, $3, $4, $6, 1, 0, 'pending'), ($2, $3, $5, $7, 1, 1, 'pending')`,
        [randomUUID(), randomUUID(), encounter, items[0], items[1], PRODUCTS[0], PRODUCTS[1]],
      );
    });
  } finally {
    client.release();
  }
}

export async function httpSection(
  config: BenchConfig,
  scale: Scale,
  stack: Stack,
  log: (s: string) => void,
) {
  const idle = await stack.api.call<NodeJS.MemoryUsage>('memory', { gc: true });

  log("http: raw pg, the order's two transactions");
  await truncateBenchTables(config);
  const pool = new Pool({ connectionString: config.databaseUrl, max: config.poolSize });
  const raw = await closedLoop({
    concurrency: config.concurrency,
    warmupMs: scale.warmupMs,
    durationMs: scale.loopMs,
    op: () => placeOrderByHand(pool),
  }).finally(() => pool.end());
  await truncateBenchTables(config);

  const post = {
    url: `http://127.0.0.1:${stack.apiPort}/api/orders`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.patientToken}` },
    body: JSON.stringify(ORDER_BODY),
    connections: config.concurrency,
    timeout: 10,
  };
  log(`http: POST /api/orders, ${config.concurrency} connections (warm-up)`);
  await autocannon({ ...post, duration: scale.warmupMs / 1000 });
  log(`http: POST /api/orders, ${config.concurrency} connections, ${scale.loopMs / 1000} s`);
  const loaded = await stack.phase('http-connections', () =>
    autocannon({ ...post, duration: scale.loopMs / 1000 }),
  );
  const afterGc = await stack.api.call<NodeJS.MemoryUsage>('memory', { gc: true });

  const failed = loaded.errors + loaded.timeouts + loaded.non2xx;
  const mib = (bytes: number) => ({ value: bytes / 1024 ** 2, unit: 'MiB' });
  const http = loaded.latency;
  const orders: Measured = {
    result: { value: loaded['2xx'] / loaded.duration, unit: 'req/s' },
    baseline: { value: raw.perSecond, unit: 'orders/s' },
    errors: failed + raw.errors,
    note:
      `p50 ${http.p50.toFixed(1)} ms against ${raw.latency.p50.toFixed(1)} ms, ` +
      `p99 ${http.p99.toFixed(1)} against ${raw.latency.p99.toFixed(1)} ms` +
      (failed
        ? `; ${loaded.errors} errors, ${loaded.timeouts} timeouts, ${loaded.non2xx} non-2xx`
        : '') +
      (raw.firstError ? `; raw pg: ${raw.firstError}` : ''),
  };
  const memory: Measured = {
    result: mib(afterGc.rss),
    baseline: mib(idle.rss),
    note:
      `V8 heap used ${(afterGc.heapUsed / 1024 ** 2).toFixed(1)} MiB against ` +
      `${(idle.heapUsed / 1024 ** 2).toFixed(1)} MiB idle`,
  };
  return {
    rows: { '3a': orders, '6c': memory },
    details: { raw, http: loaded, memory: { idle, afterGc } },
  };
}
