import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import type { ConnectionOptions, PostgresPoolConfig } from 'bullmq';
import { redisConnection } from './redis-connection';

export const QUEUE_BACKENDS = ['redis', 'postgres'] as const;

/**
 * Where BullMQ keeps the jobs: Redis, or BullMQ's own PostgreSQL backend (in the application's
 * database, schema `bullmq`). Both keep the same guarantees; see docs/adr (queue backends).
 */
export type QueueBackend = (typeof QUEUE_BACKENDS)[number];

export interface QueueSettings {
  readonly QUEUE_BACKEND?: QueueBackend;
  readonly REDIS_URL?: string;
  readonly DATABASE_URL: string;
}

/** The backend named by `QUEUE_BACKEND`; unset, Redis where `REDIS_URL` is set, else PostgreSQL. */
export function queueBackendOf(settings: QueueSettings): QueueBackend {
  return settings.QUEUE_BACKEND ?? (settings.REDIS_URL ? 'redis' : 'postgres');
}

/**
 * Points every BullMQ queue and worker this process creates at the configured backend, and
 * returns the connection for `BullModule.forRoot`. Process-wide, as BullMQ designs it: one
 * process, one backend.
 */
export function useQueueBackend(
  settings: QueueSettings,
  role: 'producer' | 'worker',
): { connection: ConnectionOptions } {
  if (queueBackendOf(settings) === 'redis') {
    setDefaultBackendFactory();
    return { connection: redisConnection(settings.REDIS_URL!, role) };
  }
  setDefaultBackendFactory(createPostgresBackend);
  // BullModule's types name only Redis options; the PostgreSQL backend reads this shape.
  return { connection: postgresQueueConnection(settings.DATABASE_URL) as ConnectionOptions };
}

/**
 * Each queue and worker opens a small pool of its own (BullMQ's design: its adds are never part
 * of a TypeORM transaction, which is why jobs are enqueued after commit, by registry
 * subscribers). Connecting fails within 2 s so a producer never waits out an outage; keepalive
 * lets a worker notice a silently dropped LISTEN connection. The schema is migrated by
 * `npm run db:migrate`, never at boot, so the app can run as a role without DDL rights.
 */
export function postgresQueueConnection(databaseUrl: string): PostgresPoolConfig {
  return {
    connectionString: databaseUrl,
    max: 3,
    connectionTimeoutMillis: 2000,
    keepAlive: true,
    migrate: false,
  };
}
