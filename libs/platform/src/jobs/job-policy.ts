import type { BackoffOptions, JobsOptions, MinimalJob } from 'bullmq';
import { retryDelayMs, type RetryPolicy } from '../events/registry/retry-policy';
import { PartnerAccessDeniedError, PartnerUnavailableError } from '../partners/partner-http';

/**
 * How every job of the application is retried and retained. The defaults give a retry horizon
 * of hours, the same as the event registry's (see `retryHorizonMs`): a partner outage that the
 * registry would outlast does not fail a job for good either.
 */
export interface JobPolicy {
  /**
   * Attempts and backoff, the registry's and the broker's shape: each retry doubles the delay,
   * up to `maxDelayMs`, which is also the pace of an alarm's slow retries.
   */
  readonly retry: RetryPolicy;
  /**
   * How long a finished job is kept, in seconds. A duplicate add with the same job id is a no-op
   * only while the first job is still retained, so this bounds the dedup window of enqueues.
   */
  readonly retentionSeconds: number;
}

export const JOB_POLICY = Symbol('JOB_POLICY');

export const DEFAULT_JOB_POLICY: JobPolicy = {
  retry: { maxAttempts: 30, baseDelayMs: 1000, maxDelayMs: 5 * 60_000 },
  retentionSeconds: 7 * 24 * 3600,
};

/** A partner may ask for a pause (`Retry-After`); we honour it up to this long. */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/** The name of `jobBackoff` in job options; every processor registers it as its strategy. */
export const JOB_BACKOFF_TYPE = 'capped-exponential';

/** BullMQ keeps the backoff object as given, so the cap travels with each job. */
interface CappedBackoff extends BackoffOptions {
  readonly maxDelay: number;
}

/** Options for a job whose id is derived from the work itself, so adding it twice adds it once. */
export function jobOptions(policy: JobPolicy, jobId: string): JobsOptions & { jobId: string } {
  const backoff: CappedBackoff = {
    type: JOB_BACKOFF_TYPE,
    delay: policy.retry.baseDelayMs,
    maxDelay: policy.retry.maxDelayMs,
  };
  return {
    jobId,
    attempts: policy.retry.maxAttempts,
    backoff,
    removeOnComplete: { age: policy.retentionSeconds },
    removeOnFail: { age: policy.retentionSeconds },
  };
}

/**
 * The delay before a job's next attempt: exponential with equal jitter and a cap, the registry's
 * own curve. A partner that refused our credentials is retried at the slowest pace; a partner's
 * `Retry-After` is honoured when it asks for longer than the backoff would wait.
 */
export function jobBackoff(
  attemptsMade: number,
  _type?: string,
  error?: Error,
  job?: MinimalJob,
): number {
  const { delay = 1000, maxDelay = delay } = (job?.opts.backoff ?? {}) as Partial<CappedBackoff>;
  const curve = { maxAttempts: Number.MAX_SAFE_INTEGER, baseDelayMs: delay, maxDelayMs: maxDelay };
  const alarm = error instanceof PartnerAccessDeniedError;
  const backoff = retryDelayMs(curve, alarm ? 64 : attemptsMade);
  const asked = error instanceof PartnerUnavailableError ? (error.retryAfterMs ?? 0) : 0;
  return Math.max(backoff, Math.min(asked, MAX_RETRY_AFTER_MS));
}

/**
 * True when a job has failed for good, as seen from the worker's `failed` event (where
 * `attemptsMade` already counts the failed attempt): refused outright, out of attempts, or
 * stalled more often than BullMQ allows.
 */
export function isFinalFailure(
  job: { attemptsMade: number; opts: JobsOptions },
  error: Error,
): boolean {
  return (
    error.name === 'UnrecoverableError' ||
    job.attemptsMade >= (job.opts.attempts ?? 1) ||
    error.message.includes('stalled more than allowable limit')
  );
}
