import type { DataSourceOptions } from 'typeorm';
import type { PlatformOptions } from '../platform.module';
import { env, InvalidConfigurationError } from './env';

/** Settings every process of the monolith reads: where its state lives and how work is retried. */
export const coreEnvSchema = {
  /** `production` refuses every demo convenience (see checkCoreConfig). */
  NODE_ENV: env.oneOf(['development', 'test', 'production'] as const, 'development'),
  /** The one switch for demo conveniences: dev login, the demo users, fault points. */
  DEMO_MODE: env.bool(false),
  ENABLE_FAULT_POINTS: env.bool(false),
  DATABASE_URL: env.url(['postgres', 'postgresql']),
  DATABASE_POOL_SIZE: env.int(10, { min: 1, max: 200 }),
  REDIS_URL: env.url(['redis', 'rediss']),
  EVENT_BUS_BACKEND: env.oneOf(['registry', 'memory'] as const, 'registry'),
  PUBLICATION_MAX_ATTEMPTS: env.int(20, { min: 1, max: 100 }),
  PUBLICATION_BACKOFF_MS: env.int(1000, { min: 1, max: 3_600_000 }),
  PUBLICATION_MAX_BACKOFF_MS: env.int(300_000, { min: 1, max: 86_400_000 }),
  PUBLICATION_LEASE_MS: env.int(30_000, { min: 100, max: 3_600_000 }),
  PUBLICATION_RETENTION_HOURS: env.int(168, { min: 1 }),
  RELAY_POLL_MS: env.int(1000, { min: 10, max: 3_600_000 }),
  RELAY_BATCH_SIZE: env.int(32, { min: 1, max: 10_000 }),
  RELAY_CONCURRENCY: env.int(4, { min: 1, max: 256 }),
  JOB_ATTEMPTS: env.int(5, { min: 1, max: 50 }),
  JOB_BACKOFF_MS: env.int(1000, { min: 1, max: 3_600_000 }),
  JOB_RETENTION_SECONDS: env.int(7 * 24 * 3600, { min: 60 }),
  LOG_LEVEL: env.oneOf(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
    'info',
  ),
};

type CoreConfig = { [K in keyof typeof coreEnvSchema]: ReturnType<(typeof coreEnvSchema)[K]> };

/**
 * Rules between variables. Each relay lane holds a database connection while its subscriber
 * runs; if the lanes could take the whole pool, HTTP requests would starve behind a backlog.
 */
export function checkCoreConfig(config: CoreConfig): void {
  const problems: string[] = [];
  if (config.RELAY_CONCURRENCY >= config.DATABASE_POOL_SIZE) {
    problems.push(
      `RELAY_CONCURRENCY: must be below DATABASE_POOL_SIZE (${config.DATABASE_POOL_SIZE}), ` +
        `got ${config.RELAY_CONCURRENCY}`,
    );
  }
  problems.push(...demoProblems(config));
  if (problems.length > 0) throw new InvalidConfigurationError(problems);
}

/** Demo conveniences are one explicit switch, and production refuses them all. */
function demoProblems(config: CoreConfig): string[] {
  const problems: string[] = [];
  if (config.NODE_ENV === 'production') {
    if (config.DEMO_MODE) problems.push('DEMO_MODE: must not be true when NODE_ENV=production');
    if (config.ENABLE_FAULT_POINTS) {
      problems.push('ENABLE_FAULT_POINTS: must not be true when NODE_ENV=production');
    }
  } else if (config.ENABLE_FAULT_POINTS && !config.DEMO_MODE) {
    problems.push(
      'ENABLE_FAULT_POINTS: needs DEMO_MODE=true (fault points are a demo and test tool)',
    );
  }
  return problems;
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
    jobs: {
      attempts: config.JOB_ATTEMPTS,
      backoffMs: config.JOB_BACKOFF_MS,
      retentionSeconds: config.JOB_RETENTION_SECONDS,
    },
  };
}
