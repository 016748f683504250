import type { DataSourceOptions } from 'typeorm';
import type { DatabaseTimeouts } from '../database/postgres-options';
import type { PlatformOptions } from '../platform.module';
import { checkQueueConfig, QUEUE_BACKENDS } from '../jobs/queue-backend';
import { brokerEnvSchema } from '../events/broker/broker-env';
import { env, InvalidConfigurationError } from './env';

/** Settings every process of the monolith reads: where its state lives and how work is retried. */
export const coreEnvSchema = {
  /** `production` refuses every demo convenience (see checkCoreConfig). */
  NODE_ENV: env.oneOf(['development', 'test', 'production'] as const, 'development'),
  /** The one switch for demo conveniences: dev login and the demo users. */
  DEMO_MODE: env.bool(false),
  DATABASE_URL: env.url(['postgres', 'postgresql']),
  DATABASE_POOL_SIZE: env.int(10, { min: 1, max: 200 }),
  DATABASE_STATEMENT_TIMEOUT_MS: env.int(15_000, { min: 0, max: 3_600_000 }),
  DATABASE_LOCK_TIMEOUT_MS: env.int(5_000, { min: 0, max: 3_600_000 }),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: env.int(60_000, { min: 0, max: 3_600_000 }),
  DATABASE_QUERY_TIMEOUT_MS: env.int(20_000, { min: 0, max: 3_600_000 }),
  DATABASE_CONNECT_TIMEOUT_MS: env.int(5_000, { min: 100, max: 600_000 }),
  DATABASE_KEEPALIVE_MS: env.int(10_000, { min: 0, max: 3_600_000 }),
  REDIS_URL: env.optional(env.url(['redis', 'rediss'])),
  QUEUE_BACKEND: env.optional(env.oneOf(QUEUE_BACKENDS)),
  EVENT_BUS_BACKEND: env.oneOf(['registry', 'memory', 'broker'] as const, 'registry'),
  PUBLICATION_MAX_ATTEMPTS: env.int(30, { min: 1, max: 100 }),
  PUBLICATION_BACKOFF_MS: env.int(1000, { min: 1, max: 3_600_000 }),
  PUBLICATION_MAX_BACKOFF_MS: env.int(300_000, { min: 1, max: 86_400_000 }),
  PUBLICATION_LEASE_MS: env.int(30_000, { min: 100, max: 3_600_000 }),
  PUBLICATION_RETENTION_HOURS: env.int(168, { min: 1 }),
  RELAY_POLL_MS: env.int(1000, { min: 10, max: 3_600_000 }),
  RELAY_BATCH_SIZE: env.int(32, { min: 1, max: 10_000 }),
  RELAY_CONCURRENCY: env.int(4, { min: 1, max: 256 }),
  JOB_ATTEMPTS: env.int(30, { min: 1, max: 1000 }),
  JOB_BACKOFF_MS: env.int(1000, { min: 1, max: 3_600_000 }),
  JOB_MAX_BACKOFF_MS: env.int(300_000, { min: 1, max: 86_400_000 }),
  JOB_RETENTION_SECONDS: env.int(7 * 24 * 3600, { min: 60 }),
  RECONCILE_EVERY_MS: env.int(60_000, { min: 0, max: 86_400_000 }),
  RECONCILE_AFTER_MS: env.int(300_000, { min: 0, max: 7 * 86_400_000 }),
  SHUTDOWN_TIMEOUT_MS: env.int(25_000, { min: 100, max: 600_000 }),
  METRICS_PORT: env.int(0, { min: 0, max: 65535 }),
  METRICS_PATH: env.string('/metrics'),
  LOG_LEVEL: env.oneOf(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
    'info',
  ),
  ...brokerEnvSchema,
};

export type CoreConfig = {
  [K in keyof typeof coreEnvSchema]: ReturnType<(typeof coreEnvSchema)[K]>;
};

/**
 * Rules between variables. Each relay lane holds a database connection while its subscriber
 * runs; if the lanes could take the whole pool, HTTP requests would starve behind a backlog.
 */
export function checkCoreConfig(config: CoreConfig): void {
  const problems: string[] = [];
  try {
    checkQueueConfig(config);
  } catch (error) {
    if (!(error instanceof InvalidConfigurationError)) throw error;
    problems.push(...error.problems);
  }
  const { DATABASE_QUERY_TIMEOUT_MS: query, DATABASE_STATEMENT_TIMEOUT_MS: statement } = config;
  if (query > 0 && (statement === 0 || query <= statement)) {
    // The server's cancel (57014) says what happened; the client's own timeout only that it waited.
    problems.push(
      `DATABASE_QUERY_TIMEOUT_MS: must be above DATABASE_STATEMENT_TIMEOUT_MS (${statement}), ` +
        `or 0, got ${query}`,
    );
  }
  if (!/^\/[A-Za-z0-9._~/-]*$/.test(config.METRICS_PATH)) {
    problems.push(
      `METRICS_PATH: must be a URL path starting with "/", got "${config.METRICS_PATH}"`,
    );
  }
  if (config.RELAY_CONCURRENCY >= config.DATABASE_POOL_SIZE) {
    problems.push(
      `RELAY_CONCURRENCY: must be below DATABASE_POOL_SIZE (${config.DATABASE_POOL_SIZE}), ` +
        `got ${config.RELAY_CONCURRENCY}`,
    );
  }
  problems.push(...demoProblems(config));
  if (problems.length > 0) throw new InvalidConfigurationError(problems);
}

/** Demo conveniences are one explicit switch, and production refuses it. */
function demoProblems(config: CoreConfig): string[] {
  return config.NODE_ENV === 'production' && config.DEMO_MODE
    ? ['DEMO_MODE: must not be true when NODE_ENV=production']
    : [];
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
      attempts: config.JOB_ATTEMPTS,
      backoffMs: config.JOB_BACKOFF_MS,
      maxBackoffMs: config.JOB_MAX_BACKOFF_MS,
      retentionSeconds: config.JOB_RETENTION_SECONDS,
    },
    reconciler: {
      intervalMs: config.RECONCILE_EVERY_MS,
      overdueAfterMs: config.RECONCILE_AFTER_MS,
      batchSize: 200,
    },
  };
}
