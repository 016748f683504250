import { ConsoleLogger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  DEFAULT_REGISTRY_OPTIONS,
  DomainEvent,
  EventBus,
  PlatformModule,
  PublicationRelay,
} from '@pharmacy/platform';
import { Pool } from 'pg';
import { BenchConfig } from '../lib/config';
import { insertBacklog, withClient } from '../lib/db';
import { Measured } from '../lib/report';
import { Scale } from '../lib/scale';

/**
 * 7a. Recovery speed: how fast the relay drains a backlog of due publications (what a crash
 * leaves behind), next to the rate at which this PostgreSQL completes the same number of rows by
 * hand, one autocommit update per row at the same concurrency. A relay delivery is a claim (one
 * statement per batch) plus, per row, BEGIN, the claim-and-complete update, the subscriber, COMMIT.
 */

const SUBSCRIBER = 'bench.relay-noop';

class BenchParcelEvent extends DomainEvent<{ n: number }> {
  static readonly type = 'bench.relay-probe';
  static readonly version = 1;
}

async function relayDrain(config: BenchConfig, backlog: number) {
  const concurrency = DEFAULT_REGISTRY_OPTIONS.concurrency;
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        database: { type: 'postgres', url: config.databaseUrl, poolSize: config.poolSize },
        eventBusBackend: 'registry',
        // The relay's own timer stays out of the way: the bench drains by hand, and times it.
        registry: { ...DEFAULT_REGISTRY_OPTIONS, pollIntervalMs: 3_600_000 },
      }),
    ],
  })
    .setLogger(new ConsoleLogger({ logLevels: ['fatal'] }))
    .compile();
  const app = await moduleRef.init();
  let delivered = 0;
  app.get(EventBus).subscribe(BenchParcelEvent, SUBSCRIBER, () => {
    delivered++;
  });
  try {
    await insertBacklog(config, 'event_publications', backlog, BenchParcelEvent.type, SUBSCRIBER);
    const started = performance.now();
    const drained = await app.get(PublicationRelay).drain();
    const seconds = (performance.now() - started) / 1000;
    const completed = await withClient(config.databaseUrl, async (client) => {
      const { rows } = await client.query(
        `select count(*)::int as n from event_publications where status = 'completed'`,
      );
      return rows[0].n as number;
    });
    return { perSecond: drained / seconds, drained, delivered, completed, concurrency };
  } finally {
    await app.close();
  }
}

/** The same rows completed by hand: one short transaction per row, `concurrency` at a time. */
async function rawUpdates(config: BenchConfig, backlog: number, concurrency: number) {
  await insertBacklog(config, 'bench_publications', backlog, BenchParcelEvent.type, SUBSCRIBER);
  const ids = await withClient(config.databaseUrl, async (client) => {
    const { rows } = await client.query('select id from bench_publications');
    return rows.map((row: { id: string }) => row.id);
  });
  const pool = new Pool({ connectionString: config.databaseUrl, max: concurrency });
  try {
    let next = 0;
    const started = performance.now();
    const lane = async () => {
      while (next < ids.length) {
        await pool.query(
          `update bench_publications set status = 'completed', attempts = attempts + 1,
             completed_at = now() where id = $1 and status = 'pending'`,
          [ids[next++]],
        );
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return { perSecond: ids.length / ((performance.now() - started) / 1000) };
  } finally {
    await pool.end();
    await withClient(config.databaseUrl, (client) => client.query('truncate bench_publications'));
  }
}

export async function relaySection(config: BenchConfig, scale: Scale, log: (s: string) => void) {
  log(`relay: draining ${scale.relayBacklog} due publications`);
  const relay = await relayDrain(config, scale.relayBacklog);
  log('relay: raw pg completing the same number of rows');
  const raw = await rawUpdates(config, scale.relayBacklog, relay.concurrency);
  await withClient(config.databaseUrl, (client) => client.query('truncate event_publications'));
  const all = [relay.drained, relay.delivered, relay.completed].every(
    (n) => n === scale.relayBacklog,
  );
  const row: Measured = {
    result: { value: relay.perSecond, unit: 'ev/s' },
    baseline: { value: raw.perSecond, unit: 'rows/s' },
    errors: all ? 0 : 1,
    note:
      `${relay.concurrency} lanes, batches of ${DEFAULT_REGISTRY_OPTIONS.batchSize}` +
      (all
        ? ''
        : `; drained ${relay.drained}, delivered ${relay.delivered}, completed ${relay.completed}`),
  };
  return { rows: { '7a': row }, details: { relay, raw } };
}
