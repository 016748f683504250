"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.coreEnvSchema = void 0;
exports.platformOptionsFrom = platformOptionsFrom;
const env_1 = require("./env");
/** Settings every process of the monolith reads: where its state lives and how work is retried. */
exports.coreEnvSchema = {
    DATABASE_URL: env_1.env.url(['postgres', 'postgresql']),
    DATABASE_POOL_SIZE: env_1.env.int(10, { min: 1, max: 200 }),
    REDIS_URL: env_1.env.url(['redis', 'rediss']),
    EVENT_BUS_BACKEND: env_1.env.oneOf(['registry', 'memory'], 'registry'),
    PUBLICATION_MAX_ATTEMPTS: env_1.env.int(20, { min: 1, max: 100 }),
    PUBLICATION_BACKOFF_MS: env_1.env.int(1000, { min: 1, max: 3_600_000 }),
    PUBLICATION_MAX_BACKOFF_MS: env_1.env.int(300_000, { min: 1, max: 86_400_000 }),
    PUBLICATION_LEASE_MS: env_1.env.int(30_000, { min: 100, max: 3_600_000 }),
    PUBLICATION_RETENTION_HOURS: env_1.env.int(168, { min: 1 }),
    RELAY_POLL_MS: env_1.env.int(1000, { min: 10, max: 3_600_000 }),
    RELAY_BATCH_SIZE: env_1.env.int(100, { min: 1, max: 10_000 }),
    RELAY_CONCURRENCY: env_1.env.int(8, { min: 1, max: 256 }),
    JOB_ATTEMPTS: env_1.env.int(5, { min: 1, max: 50 }),
    JOB_BACKOFF_MS: env_1.env.int(1000, { min: 1, max: 3_600_000 }),
    JOB_RETENTION_SECONDS: env_1.env.int(7 * 24 * 3600, { min: 60 }),
    LOG_LEVEL: env_1.env.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
};
/** The platform's options from the validated environment; both apps build it the same way. */
function platformOptionsFrom(config, database) {
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
