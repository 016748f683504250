import { DEFAULT_REGISTRY_OPTIONS, PublicationRelay } from '@pharmacy/platform/testing';
import { Config, log } from '../lib/config';
import { insertBacklog, pool, sql } from '../lib/db';
import { BENCH_SUBSCRIBER, BenchEvent, bootPlatform } from '../lib/platform';
import { fig, Rows } from '../lib/report';
import { inLanes } from '../lib/stats';

/**
 * 7a. Recovery: how fast the relay drains a backlog of due publications (what a crash leaves
 * behind), next to this PostgreSQL completing the same number of rows by hand, one autocommit
 * update per row at the same concurrency. A relay delivery is a claim (one statement per batch)
 * plus, per row, BEGIN, the claim-and-complete update, the subscriber, COMMIT.
 */
export async function relaySection(config: Config): Promise<Rows> {
  const backlog = config.scale.backlog;
  const lanes = DEFAULT_REGISTRY_OPTIONS.concurrency;
  log(`relay: draining ${backlog} due publications, then raw pg completing as many rows`);
  let delivered = 0;
  const onEvent = () => void delivered++;
  const app = await bootPlatform(config.databaseUrl, 'registry', { onEvent, manualRelay: true });
  const drain = async () => {
    await insertBacklog(config, 'event_publications', backlog, BenchEvent.type, BENCH_SUBSCRIBER);
    const started = performance.now();
    const drained = await app.get(PublicationRelay).drain();
    return { drained, relayRate: drained / ((performance.now() - started) / 1000) };
  };
  const { drained, relayRate } = await drain().finally(() => app.close());
  const [{ completed }] = await sql<{ completed: number }>(
    config.databaseUrl,
    `select count(*)::int as completed from event_publications where status = 'completed'`,
  );

  await insertBacklog(config, 'bench_publications', backlog, BenchEvent.type, BENCH_SUBSCRIBER);
  const ids = await sql<{ id: string }>(config.databaseUrl, 'select id from bench_publications');
  const db = pool(config, lanes);
  const started = performance.now();
  await inLanes(lanes, ids, ({ id }) =>
    db.query(
      `update bench_publications set status = 'completed', attempts = attempts + 1,
         completed_at = now() where id = $1 and status = 'pending'`,
      [id],
    ),
  ).finally(() => db.end());
  const rawRate = ids.length / ((performance.now() - started) / 1000);
  await sql(config.databaseUrl, 'truncate bench_publications, event_publications');

  const all = [drained, delivered, completed].every((n) => n === backlog);
  return {
    '7a': {
      result: fig(relayRate, 'ev/s'),
      baseline: fig(rawRate, 'rows/s'),
      errors: all ? 0 : 1,
      note: all ? undefined : `drained ${drained}, delivered ${delivered}, completed ${completed}`,
    },
  };
}
