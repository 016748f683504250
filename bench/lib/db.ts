import Redis from 'ioredis';
import { Client, Pool, PoolClient } from 'pg';
import { migrate } from '../../apps/api/src/cli/migrate';
import { seed } from '../../apps/api/src/cli/seed';
import { BenchConfig } from './config';

/**
 * A fresh bench database: dropped, created, migrated and seeded exactly as a deployment is
 * (`migrate()` and `seed()` of the API's CLI), plus the bench's own tables. Redis db flushed.
 */
export async function prepareServices(config: BenchConfig): Promise<void> {
  const admin = new Client({ connectionString: config.adminUrl, connectionTimeoutMillis: 3000 });
  await admin.connect().catch((error: Error) => {
    throw new Error(`PostgreSQL is not reachable at ${config.adminUrl}: ${error.message}`);
  });
  try {
    await admin.query(`drop database if exists "${config.database}" with (force)`);
    await admin.query(`create database "${config.database}"`);
  } finally {
    await admin.end();
  }
  await migrate(config.databaseUrl);
  await seed(config.databaseUrl, { demo: true });
  await withClient(config.databaseUrl, (client) => client.query(BENCH_TABLES));

  const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect().catch((error: Error) => {
    throw new Error(`Redis is not reachable at ${config.redisUrl}: ${error.message}`);
  });
  await redis.flushdb();
  redis.disconnect();
}

/**
 * The raw-pg baselines write to copies of the app's own tables (same columns, checks, defaults
 * and indexes, `like ... including all`, plus the same foreign keys), so that a baseline and the
 * app it is compared with pay for the same index and constraint maintenance.
 */
const BENCH_TABLES = `
  create table bench_orders (like orders including all);
  create table bench_items (like order_items including all);
  alter table bench_items
    add foreign key (order_uuid) references bench_orders (uuid) on delete cascade,
    add foreign key (product_id) references products (id);
  create table bench_publications (like event_publications including all);
  create table bench_encounters (like encounters including all);
  create table bench_requests (like prescription_requests including all);
  alter table bench_requests
    add foreign key (encounter_id) references bench_encounters (id) on delete cascade;
`;

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs `work` in one transaction on a pooled client, the way a hand-written repository would. */
export async function rawTransaction(
  pool: Pool,
  work: (client: PoolClient) => Promise<void>,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await work(client);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function serverVersion(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ v: string }>(
      `select current_setting('server_version') as v`,
    );
    return rows[0].v;
  });
}

/** Empties the bench's tables, and the app's publication table too when nothing else runs. */
export async function truncateBenchTables(
  config: BenchConfig,
  { publications = false } = {},
): Promise<void> {
  const tables = ['bench_orders', 'bench_items', 'bench_publications', 'bench_encounters'];
  if (publications) tables.push('event_publications');
  await withClient(config.databaseUrl, (client) =>
    client.query(`truncate ${tables.join(', ')} cascade`),
  );
}

/** Replaces a publication table's rows with `count` due, unclaimed ones, as a crash leaves them. */
export async function insertBacklog(
  config: BenchConfig,
  table: 'event_publications' | 'bench_publications',
  count: number,
  eventType: string,
  subscriber: string,
): Promise<void> {
  await withClient(config.databaseUrl, async (client) => {
    await client.query(`truncate ${table}`);
    await client.query(
      `insert into ${table} (id, event_id, event_type, event_version, event, subscriber, status,
         attempts, next_attempt_at)
       select gen_random_uuid(), id, $2, 1,
         jsonb_build_object('type', $2::text, 'version', 1, 'eventId', id::text,
           'occurredAt', now(), 'correlationId', 'bench', 'causationId', null,
           'payload', jsonb_build_object('n', n)),
         $3, 'pending', 0, now() - interval '1 second'
       from (select gen_random_uuid() as id, n from generate_series(1, $1) n) rows`,
      [count, eventType, subscriber],
    );
    await client.query(`analyze ${table}`);
  });
}
