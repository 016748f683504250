import { EventBus, UnitOfWork } from '@pharmacy/platform';
import { DeliveryLanes } from '@pharmacy/platform/testing';
import { randomUUID } from 'node:crypto';
import { CONCURRENCY, Config, log } from '../lib/config';
import { PATIENT, pool, transaction, sql } from '../lib/db';
import { BenchEvent, bootPlatform } from '../lib/platform';
import { fig, Measured, Rows } from '../lib/report';
import { closedLoop, LoopResult } from '../lib/stats';

/**
 * 2a, 2b. The unit of work with each bus: every transaction inserts an order with two items and
 * publishes one event to one no-op subscriber (UnitOfWork.run + EventBus.publish), against the
 * same two inserts sent by hand through `pg` (the ceiling), same lanes and pool size.
 */
const INSERT_ORDER = `insert into bench_orders (uuid, patient_id, status, fulfillment_state)
  values ($1, $2, 'pending_clinical_review', 'CA')`;
const INSERT_TWO_ITEMS = `insert into bench_items
  (uuid, order_uuid, position, product_id, quantity, requires_prescription, status)
  values ($1, $3, 0, 'amoxicillin-500mg', 1, true, 'pending_review'),
         ($2, $3, 1, 'ibuprofen-200mg', 1, false, 'not_required')`;

const truncate = (config: Config) =>
  sql(config.databaseUrl, 'truncate bench_orders, bench_items, event_publications cascade');

async function raw(config: Config): Promise<LoopResult> {
  await truncate(config);
  const db = pool(config);
  return closedLoop(CONCURRENCY, config.scale, () => {
    const order = randomUUID();
    return transaction(db, async (client) => {
      await client.query(INSERT_ORDER, [order, PATIENT]);
      await client.query(INSERT_TWO_ITEMS, [randomUUID(), randomUUID(), order]);
    });
  }).finally(() => db.end());
}

async function wrapped(config: Config, backend: 'memory' | 'registry'): Promise<LoopResult> {
  await truncate(config);
  let delivered = 0;
  const onEvent = () => void delivered++;
  const app = await bootPlatform(config.databaseUrl, backend, { onEvent });
  const [unitOfWork, bus] = [app.get(UnitOfWork), app.get(EventBus)];
  try {
    const result = await closedLoop(CONCURRENCY, config.scale, () =>
      unitOfWork.run(async () => {
        const orderUuid = randomUUID();
        const itemUuids = [randomUUID(), randomUUID()];
        await unitOfWork.manager.query(INSERT_ORDER, [orderUuid, PATIENT]);
        await unitOfWork.manager.query(INSERT_TWO_ITEMS, [...itemUuids, orderUuid]);
        await bus.publish(new BenchEvent({ orderUuid, itemUuids }));
      }),
    );
    // The registry delivers after the unit of work returns, in its lanes: the deliveries still
    // owed when the loop stops are part of the work measured, so their time counts too.
    const draining = performance.now();
    if (backend === 'registry') await app.get(DeliveryLanes).drain();
    const elapsedMs = result.elapsedMs + performance.now() - draining;
    // Every transaction counted must have reached its subscriber.
    const undelivered = delivered < result.count ? 1 : 0;
    return {
      ...result,
      perSecond: (result.count / elapsedMs) * 1000,
      errors: result.errors + undelivered,
    };
  } finally {
    await app.close();
  }
}

export async function wrapperSection(config: Config): Promise<Rows> {
  log('wrapper: raw pg ceiling, unit of work + in-memory bus, + registry bus, raw pg again');
  const before = await raw(config);
  const memory = await wrapped(config, 'memory');
  const registry = await wrapped(config, 'registry');
  const after = await raw(config);
  await truncate(config);
  // The ceiling is the mean of two runs that bracket the wrapper runs, so drift (autovacuum,
  // checkpoints, a warming cache) weighs on both sides alike.
  const baseline = fig((before.perSecond + after.perSecond) / 2, 'tx/s');
  const row = (r: LoopResult): Measured => ({
    result: fig(r.perSecond, 'tx/s'),
    baseline,
    errors: r.errors + before.errors + after.errors,
    note:
      `ceiling: the mean of ${before.perSecond.toFixed(0)} and ${after.perSecond.toFixed(0)} tx/s` +
      (r.firstError ? `; first error: ${r.firstError}` : ''),
  });
  return { '2a': row(memory), '2b': row(registry) };
}
