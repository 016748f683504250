import type { DataSourceOptions } from 'typeorm';
import { z } from 'zod';
import type { DatabaseTimeouts } from '../database/postgres-options';
import type { PlatformOptions } from '../platform.module';
import { QUEUE_BACKENDS, queueBackendOf } from '../jobs/queue-backend';
import { brokerEnvShape } from '../events/broker/broker-env';
import { env, refuse } from './env';

/** Settings every process of the monolith reads: where its state lives and how work is retried. */
export const coreEnvShape = {
  /** `production` refuses every demo convenience (see coreRules). */
  NODE_ENV: env.oneOf(['development', 'test', 'production']).default('development'),
  /** The one switch for demo conveniences: dev login and the demo users. */
  DEMO_MODE: env.bool().default(false),
  DATABASE_URL: env.url('postgres', 'postgresql'),
  DATABASE_POOL_SIZE: env.int(1, 200).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: env.int(0, 3_600_000).default(15_000),
  DATABASE_LOCK_TIMEOUT_MS: env.int(0, 3_600_000).default(5_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: env.int(0, 3_600_000).default(60_000),
  DATABASE_QUERY_TIMEOUT_MS: env.int(0, 3_600_000).default(20_000),
  DATABASE_CONNECT_TIMEOUT_MS: env.int(100, 600_000).default(5_000),
  DATABASE_KEEPALIVE_MS: env.int(0, 3_600_000).default(10_000),
  REDIS_URL: env.url('redis', 'rediss').optional(),
  QUEUE_BACKEND: env.oneOf(QUEUE_BACKENDS).optional(),
  EVENT_BUS_BACKEND: env.oneOf(['registry', 'memory', 'broker']).default('registry'),
  PUBLICATION_MAX_ATTEMPTS: env.int(1, 100).default(30),
  PUBLICATION_BACKOFF_MS: env.int(1, 3_600_000).default(1000),
  PUBLICATION_MAX_BACKOFF_MS: env.int(1, 86_400_000).default(300_000),
  PUBLICATION_LEASE_MS: env.int(100, 3_600_000).default(30_000),
  PUBLICATION_RETENTION_HOURS: env.int(1).default(168),
  RELAY_POLL_MS: env.int(10, 3_600_000).default(1000),
  RELAY_BATCH_SIZE: env.int(1, 10_000).default(32),
  RELAY_CONCURRENCY: env.int(1, 256).default(4),
  JOB_ATTEMPTS: env.int(1, 1000).default(30),
  JOB_BACKOFF_MS: env.int(1, 3_600_000).default(1000),
  JOB_MAX_BACKOFF_MS: env.int(1, 86_400_000).default(300_000),
  JOB_RETENTION_SECONDS: env.int(60).default(7 * 24 * 3600),
  RECONCILE_EVERY_MS: env.int(0, 86_400_000).default(60_000),
  RECONCILE_AFTER_MS: env.int(0, 7 * 86_400_000).default(300_000),
  SHUTDOWN_TIMEOUT_MS: env.int(100, 600_000).default(25_000),
  METRICS_PORT: env.int(0, 65535).default(0),
  METRICS_PATH: env
    .matching(/^\/[A-Za-z0-9._~/-]*$/, 'must be a URL path starting with "/"')
    .default('/metrics'),
  LOG_LEVEL: env
    .oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  ...brokerEnvShape,
};

export type CoreConfig = z.output<z.ZodObject<typeof coreEnvShape>>;

/** Rules between the core variables; every app's schema runs them after its own variables. */
export function coreRules(config: CoreConfig, ctx: z.RefinementCtx): void {
  if (queueBackendOf(config) === 'redis' && !config.REDIS_URL) {
    refuse(ctx, 'REDIS_URL', 'is required when QUEUE_BACKEND is redis');
  }
  const { DATABASE_QUERY_TIMEOUT_MS: query, DATABASE_STATEMENT_TIMEOUT_MS: statement } = config;
  if (query > 0 && (statement === 0 || query <= statement)) {
    // The server's cancel (57014) says what happened; the client's own timeout only that it waited.
    refuse(
      ctx,
      'DATABASE_QUERY_TIMEOUT_MS',
      `must be above DATABASE_STATEMENT_TIMEOUT_MS (${statement}), or 0, got ${query}`,
    );
  }
  // Each relay lane holds a database connection while its subscriber runs; if the lanes could
  // take the whole pool, HTTP requests would starve behind a backlog.
  if (config.RELAY_CONCURRENCY >= config.DATABASE_POOL_SIZE) {
    refuse(
      ctx,
      'RELAY_CONCURRENCY',
      `must be below DATABASE_POOL_SIZE (${config.DATABASE_POOL_SIZE}), got ${config.RELAY_CONCURRENCY}`,
    );
  }
  // A ceiling below the first delay would make every retry wait less than the first one.
  for (const retry of ['PUBLICATION', 'JOB', 'BROKER_RETRY'] as const) {
    const first = config[`${retry}_BACKOFF_MS`];
    const ceiling = config[`${retry}_MAX_BACKOFF_MS`];
    if (ceiling < first) {
      refuse(
        ctx,
        `${retry}_MAX_BACKOFF_MS`,
        `must be at least ${retry}_BACKOFF_MS (${first}), got ${ceiling}`,
      );
    }
  }
  demoRule(config, ctx);
}

/** Demo conveniences are one explicit switch, and production refuses it. */
export function demoRule(
  config: Pick<CoreConfig, 'NODE_ENV' | 'DEMO_MODE'>,
  ctx: z.RefinementCtx,
): void {
  if (config.NODE_ENV === 'production' && config.DEMO_MODE) {
    refuse(ctx, 'DEMO_MODE', 'must not be true when NODE_ENV=production');
  }
}

/** The database deadlines from the validated environment. */
export function databaseTimeoutsFrom(config: CoreConfig): DatabaseTimeouts {
  return {
    statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    lockMs: config.DATABASE_LOCK_TIMEOUT_MS,
    idleInTransactionMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    queryMs: config.DATABASE_QUERY_TIMEOUT_MS,
    connectMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    keepAliveMs: config.DATABASE_KEEPALIVE_MS,
  };
}

/** The platform's options from the validated environment; both apps build it the same way. */
export function platformOptionsFrom(
  config: CoreConfig,
  database: DataSourceOptions,
): PlatformOptions {
  return {
    database,
    eventBusBackend: config.EVENT_BUS_BACKEND,
    registry: {
      retry: {
        maxAttempts: config.PUBLICATION_MAX_ATTEMPTS,
        baseDelayMs: config.PUBLICATION_BACKOFF_MS,
        maxDelayMs: config.PUBLICATION_MAX_BACKOFF_MS,
      },
      leaseMs: config.PUBLICATION_LEASE_MS,
      pollIntervalMs: config.RELAY_POLL_MS,
      batchSize: config.RELAY_BATCH_SIZE,
      concurrency: config.RELAY_CONCURRENCY,
      retentionMs: config.PUBLICATION_RETENTION_HOURS * 3600_000,
    },
    broker: {
      url: config.BROKER_URL,
      namespace: config.BROKER_NAMESPACE,
      prefetch: config.BROKER_PREFETCH,
      heartbeatSeconds: config.BROKER_HEARTBEAT_SECONDS,
      timeoutMs: config.BROKER_TIMEOUT_MS,
      consume: config.BROKER_CONSUME,
      retry: {
        maxAttempts: config.BROKER_MAX_ATTEMPTS,
        baseDelayMs: config.BROKER_RETRY_BACKOFF_MS,
        maxDelayMs: config.BROKER_RETRY_MAX_BACKOFF_MS,
      },
    },
    jobs: {
      retry: {
        maxAttempts: config.JOB_ATTEMPTS,
        baseDelayMs: config.JOB_BACKOFF_MS,
        maxDelayMs: config.JOB_MAX_BACKOFF_MS,
      },
      retentionSeconds: config.JOB_RETENTION_SECONDS,
    },
    reconciler: {
      intervalMs: config.RECONCILE_EVERY_MS,
      overdueAfterMs: config.RECONCILE_AFTER_MS,
      batchSize: 200,
    },
  };
}
