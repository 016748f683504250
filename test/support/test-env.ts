import type { QueueBackend } from '@pharmacy/platform';

const queueBackends = (process.env.TEST_QUEUE_BACKENDS ?? 'redis').split(',') as QueueBackend[];

/**
 * Where the tests find their services; each may be overridden from the environment. Global setup
 * rewrites them for the run: an embedded PostgreSQL's URL when the configured one does not
 * answer, and the queue backends to test (`redis,postgres`, or `postgres` alone without Redis).
 */
export const testEnv = {
  databaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/pharmacy_test',
  // A Redis database index of its own, emptied at the start of each run.
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15',
  /** Every queue backend the queue tests run on. */
  queueBackends,
  /** The backend of every other test: the first of them. */
  queueBackend: queueBackends[0],
  /** Why Redis is missing from this run, if it is. */
  redisMissing: process.env.TEST_REDIS_MISSING,
  // Shared by every run: each broker test works under a namespace of its own.
  brokerUrl: process.env.TEST_BROKER_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  /** Why RabbitMQ is missing from this run, if it is. */
  brokerMissing: process.env.TEST_BROKER_MISSING,
};

/** The same server, but the maintenance database, from which the test database is created. */
export function adminDatabaseUrl(databaseUrl = testEnv.databaseUrl): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

export function testDatabaseName(databaseUrl = testEnv.databaseUrl): string {
  return new URL(databaseUrl).pathname.slice(1);
}
