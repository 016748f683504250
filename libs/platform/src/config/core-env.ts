import { env } from './env';

/** Settings every process of the monolith reads: where its state lives and how work is retried. */
export const coreEnvSchema = {
  DATABASE_URL: env.url(['postgres', 'postgresql']),
  DATABASE_POOL_SIZE: env.int(10, { min: 1, max: 200 }),
  REDIS_URL: env.url(['redis', 'rediss']),
  EVENT_BUS_BACKEND: env.oneOf(['memory'] as const, 'memory'),
  JOB_ATTEMPTS: env.int(5, { min: 1, max: 50 }),
  JOB_BACKOFF_MS: env.int(1000, { min: 1, max: 3_600_000 }),
  JOB_RETENTION_SECONDS: env.int(7 * 24 * 3600, { min: 60 }),
  LOG_LEVEL: env.oneOf(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
    'info',
  ),
};
