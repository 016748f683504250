import { ConsoleLogger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  DeliveryLanes,
  DomainEvent,
  EventBus,
  EventBusBackend,
  PlatformModule,
  UnitOfWork,
} from '@pharmacy/platform';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { BenchConfig } from '../lib/config';
import { rawTransaction, truncateBenchTables } from '../lib/db';
import { Measured } from '../lib/report';
import { Scale } from '../lib/scale';
import { closedLoop, LoopResult } from '../lib/stats';

/**
 * 2a, 2b. The unit of work with each bus: every transaction inserts an order with two items
 * and publishes one event to one no-op subscriber, through UnitOfWork.run + EventBus.publish,
 * against the same two inserts sent by hand through `pg` (the ceiling), at the same concurrency
 * and pool size.
 */

const PATIENT = '0b7c7e4e-1c1a-4d7e-9a55-2f4c8f0a0001';

class BenchOrderPlacedEvent extends DomainEvent<{ orderUuid: string; itemUuids: string[] }> {
  static readonly type = 'bench.order-placed';
  static readonly version = 1;
}

const INSERT_ORDER = `insert into bench_orders (uuid, patient_id, status, fulfillment_state)
  values ($1, $2, 'pending_clinical_review', 'CA')`;
const INSERT_TWO_ITEMS = `insert into bench_items
  (uuid, order_uuid, position, product_id, quantity, requires_prescription, status)
  values ($1, $3, 0, 'amoxicillin-500mg', 1, true, 'pending_review'),
         ($2, $3, 1, 'ibuprofen-200mg', 1, false, 'not_required')`;

async function raw(config: BenchConfig, scale: Scale): Promise<LoopResult> {
  await truncateBenchTables(config, { publications: true });
  const pool = new Pool({ connectionString: config.databaseUrl, max: config.poolSize });
  try {
    return await closedLoop({
      concurrency: config.concurrency,
      warmupMs: scale.warmupMs,
      durationMs: scale.loopMs,
      op: () => {
        const order = randomUUID();
        return rawTransaction(pool, async (client) => {
          await client.query(INSERT_ORDER, [order, PATIENT]);
          await client.query(INSERT_TWO_ITEMS, [randomUUID(), randomUUID(), order]);
        });
      },
    });
  } finally {
    await pool.end();
  }
}

async function wrapped(config: BenchConfig, scale: Scale, backend: EventBusBackend) {
  await truncateBenchTables(config, { publications: true });
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        database: { type: 'postgres', url: config.databaseUrl, poolSize: config.poolSize },
        eventBusBackend: backend,
      }),
    ],
  })
    .setLogger(new ConsoleLogger({ logLevels: ['fatal'] }))
    .compile();
  const app = await moduleRef.init();
  const unitOfWork = app.get(UnitOfWork);
  const bus = app.get(EventBus);
  let delivered = 0;
  bus.subscribe(BenchOrderPlacedEvent, 'bench.noop-on-order-placed', () => {
    delivered++;
  });
  try {
    const result = await closedLoop({
      concurrency: config.concurrency,
      warmupMs: scale.warmupMs,
      durationMs: scale.loopMs,
      op: () =>
        unitOfWork.run(async () => {
          const orderUuid = randomUUID();
          const itemUuids = [randomUUID(), randomUUID()];
          await unitOfWork.manager.query(INSERT_ORDER, [orderUuid, PATIENT]);
          await unitOfWork.manager.query(INSERT_TWO_ITEMS, [...itemUuids, orderUuid]);
          await bus.publish(new BenchOrderPlacedEvent({ orderUuid, itemUuids }));
        }),
    });
    // The registry delivers after the unit of work returns, in its lanes: the deliveries still
    // owed when the loop stops are part of the work measured, so their time counts too.
    const draining = performance.now();
    if (backend === 'registry') await app.get(DeliveryLanes).drain();
    const elapsedMs = result.elapsedMs + (performance.now() - draining);
    // Every transaction counted must have reached its subscriber.
    return {
      ...result,
      elapsedMs,
      perSecond: (result.count / elapsedMs) * 1000,
      errors: result.errors + (delivered < result.count ? 1 : 0),
      delivered,
    };
  } finally {
    await app.close();
  }
}

export async function wrapperSection(config: BenchConfig, scale: Scale, log: (s: string) => void) {
  log('wrapper: raw pg ceiling (1/2)');
  const rawBefore = await raw(config, scale);
  log('wrapper: unit of work + in-memory bus');
  const memory = await wrapped(config, scale, 'memory');
  log('wrapper: unit of work + registry bus');
  const registry = await wrapped(config, scale, 'registry');
  log('wrapper: raw pg ceiling (2/2)');
  const rawAfter = await raw(config, scale);
  await truncateBenchTables(config, { publications: true });

  // The ceiling is the mean of two runs that bracket the wrapper runs, so drift (autovacuum,
  // checkpoints, a warming cache) weighs on both sides alike.
  const ceiling = { value: (rawBefore.perSecond + rawAfter.perSecond) / 2, unit: 'tx/s' };
  const row = (r: LoopResult): Measured => ({
    result: { value: r.perSecond, unit: 'tx/s' },
    baseline: ceiling,
    errors: r.errors + rawBefore.errors + rawAfter.errors,
    note:
      `ceiling is the mean of ${rawBefore.perSecond.toFixed(0)} and ` +
      `${rawAfter.perSecond.toFixed(0)} tx/s; p50 ${r.latency.p50.toFixed(2)} ms` +
      (r.firstError ? `; first error: ${r.firstError}` : ''),
  });
  return {
    rows: { '2a': row(memory), '2b': row(registry) },
    details: { rawBefore, memory, registry, rawAfter },
  };
}
