import type { RetryPolicy } from './retry-policy';

/** Tuning of the durable backend; every value comes from the environment (see .env.example). */
export interface RegistryOptions {
  readonly retry: RetryPolicy;
  /** How long a dispatching process owns a publication before another may take it over, in ms. */
  readonly leaseMs: number;
  /** How often the relay looks for due publications, in ms. */
  readonly pollIntervalMs: number;
  /** Publications claimed per relay round. */
  readonly batchSize: number;
  /** Publications delivered at once by one process: after commit and for the relay together. */
  readonly concurrency: number;
  /** Completed publications are deleted this long after completion, in ms. */
  readonly retentionMs: number;
}

export const REGISTRY_OPTIONS = Symbol('REGISTRY_OPTIONS');

export const DEFAULT_REGISTRY_OPTIONS: RegistryOptions = {
  retry: { maxAttempts: 30, baseDelayMs: 1000, maxDelayMs: 5 * 60_000 },
  leaseMs: 30_000,
  pollIntervalMs: 1000,
  batchSize: 32,
  concurrency: 4,
  retentionMs: 7 * 24 * 3600_000,
};
