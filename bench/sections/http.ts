import autocannon from 'autocannon';
import { OrderPlacedEvent } from '@pharmacy/contracts';
import { serializeEvent } from '@pharmacy/platform/testing';
import { randomUUID } from 'node:crypto';
import { PoolClient } from 'pg';
import { CONCURRENCY, Config, log } from '../lib/config';
import { PATIENT, pool, sql, transaction } from '../lib/db';
import { ORDER_BODY } from '../lib/orders';
import { fig, Rows } from '../lib/report';
import { Stack } from '../lib/stack';
import { closedLoop } from '../lib/stats';

/**
 * 3a. POST /api/orders under autocannon, beside raw pg running the two transactions an order
 * costs, on one connection, at the same concurrency: the order's own (read the catalog; write the
 * order, its 3 items and the publication row of OrderPlacedEvent for its one subscriber), then
 * EHR's delivery of that event (complete the publication row; open an encounter with 2
 * prescription requests).
 * 6c. The memory the API process still holds after that load and a full GC (V8's heap in use and
 *     the memory outside it that JS objects own, Buffers included), against idle.
 */
const PRODUCTS = ORDER_BODY.items.map((item) => item.productId);

async function placeOrderByHand(client: PoolClient): Promise<void> {
  const [order, encounter, publication, claim] = Array.from({ length: 4 }, () => randomUUID());
  const items = PRODUCTS.map((productId, i) => {
    return { orderItemUuid: randomUUID(), productId, quantity: 1, requiresPrescription: i < 2 };
  });
  const payload = { orderUuid: order, patientId: PATIENT, fulfillmentState: 'CA', items };
  const event = serializeEvent(new OrderPlacedEvent(payload));
  await transaction(client, async () => {
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
      [...items.map((item) => item.orderItemUuid), order, ...PRODUCTS],
    );
    await client.query(
      `insert into bench_publications (id, event_id, event_type, event_version, event,
         subscriber, status, attempts, next_attempt_at, claim_token)
       values ($1, $2, $3, 1, $4::jsonb, 'ehr.open-encounter-when-order-placed', 'pending', 1,
         now() + interval '30 seconds', $5)
       on conflict (event_id, subscriber) do nothing`,
      [publication, event.eventId, event.type, JSON.stringify(event), claim],
    );
  });
  await transaction(client, async () => {
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
      [
        randomUUID(),
        randomUUID(),
        encounter,
        items[0].orderItemUuid,
        items[1].orderItemUuid,
        ...PRODUCTS.slice(0, 2),
      ],
    );
  });
}

export async function httpSection(config: Config, stack: Stack): Promise<Rows> {
  const idle = await stack.api.call<NodeJS.MemoryUsage>('memory');
  log("http: raw pg, the order's two transactions");
  const tables = 'bench_orders, bench_items, bench_publications, bench_encounters';
  const truncate = () => sql(config.databaseUrl, `truncate ${tables} cascade`);
  await truncate();
  const db = pool(config);
  const raw = await closedLoop(CONCURRENCY, config.scale, async () => {
    const client = await db.connect();
    await placeOrderByHand(client).finally(() => client.release());
  }).finally(() => db.end());
  await truncate();

  log(`http: POST /api/orders, ${CONCURRENCY} connections, after a warm-up`);
  const post = (ms: number) =>
    autocannon({
      url: `http://127.0.0.1:${stack.api.port}/api/orders`,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${stack.patientToken}`,
      },
      body: JSON.stringify(ORDER_BODY),
      connections: CONCURRENCY,
      timeout: 10,
      duration: ms / 1000,
    });
  await post(config.scale.warmupMs);
  const http = await post(config.scale.loopMs);
  const loaded = await stack.api.call<NodeJS.MemoryUsage>('memory');

  const failed = http.errors + http.timeouts + http.non2xx;
  const mib = (bytes: number) => fig(bytes / 1024 ** 2, 'MiB');
  return {
    '3a': {
      result: fig(http['2xx'] / http.duration, 'req/s'),
      baseline: fig(raw.perSecond, 'orders/s'),
      errors: failed + raw.errors,
      note: failed
        ? `${http.errors} errors, ${http.timeouts} timeouts, ${http.non2xx} non-2xx`
        : raw.firstError,
    },
    '6c': {
      result: mib(loaded.heapUsed + loaded.external),
      baseline: mib(idle.heapUsed + idle.external),
      note: `resident ${mib(loaded.rss).value.toFixed(0)} against ${mib(idle.rss).value.toFixed(0)} MiB`,
    },
  };
}
