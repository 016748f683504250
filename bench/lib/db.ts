import Redis from 'ioredis';
import { Client, Pool, PoolClient, QueryResultRow } from 'pg';
import { migrate } from '../../apps/api/src/cli/migrate';
import { seed } from '../../apps/api/src/cli/seed';
import { Config, POOL_SIZE } from './config';

/** A patient of the raw baselines' rows (the copies of the tables have no patients table). */
export const PATIENT = '0b7c7e4e-1c1a-4d7e-9a55-2f4c8f0a0001';

/**
 * The raw-pg baselines write to copies of the app's own tables (`like … including all`, plus the
 * same foreign keys), so that they pay for the same index and constraint maintenance as the app.
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
    add foreign key (encounter_id) references bench_encounters (id) on delete cascade;`;

/** One statement on a connection of its own (setup, checks, reading timestamps). */
export async function sql<R extends QueryResultRow = QueryResultRow>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A fresh database, migrated and seeded exactly as a deployment is (`migrate()` and `seed()` of
 * the API's CLI), plus the copies above; the Redis db flushed. Returns the servers' versions.
 */
export async function prepareServices(config: Config): Promise<string> {
  await sql(config.adminUrl, `drop database if exists "${config.database}" with (force)`);
  await sql(config.adminUrl, `create database "${config.database}"`);
  await migrate(config.databaseUrl);
  await seed(config.databaseUrl, { demo: true });
  await sql(config.databaseUrl, BENCH_TABLES);
  const [{ v }] = await sql(config.databaseUrl, `select current_setting('server_version') as v`);
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    await redis.flushdb();
    const version = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1];
    return `PostgreSQL ${v}; Redis ${version}`;
  } finally {
    redis.disconnect();
  }
}

export const pool = (config: Config, max = POOL_SIZE) =>
  new Pool({ connectionString: config.databaseUrl, max });

/** `work` in one transaction, as a hand-written repository would do it (on a client of `db`). */
export async function transaction(
  db: Pool | PoolClient,
  work: (c: PoolClient) => Promise<unknown>,
) {
  const client = db instanceof Pool ? await db.connect() : db;
  try {
    await client.query('begin');
    await work(client);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    if (client !== db) client.release();
  }
}

/** Replaces a publication table's rows with `count` due, unclaimed ones, as a crash leaves them. */
export async function insertBacklog(
  config: Config,
  table: 'event_publications' | 'bench_publications',
  count: number,
  eventType: string,
  subscriber: string,
) {
  await sql(config.databaseUrl, `truncate ${table}`);
  await sql(
    config.databaseUrl,
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
  await sql(config.databaseUrl, `analyze ${table}`);
}
