import type { JobsOptions } from 'bullmq';

/** How every job of the application is retried and retained. */
export interface JobPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** First retry delay in milliseconds; each further retry doubles it. */
  readonly backoffMs: number;
  /**
   * How long a finished job is kept, in seconds. A duplicate add with the same job id is a no-op
   * only while the first job is still retained, so this bounds the dedup window of enqueues.
   */
  readonly retentionSeconds: number;
}

export const JOB_POLICY = Symbol('JOB_POLICY');

/** Options for a job whose id is derived from the work itself, so adding it twice adds it once. */
export function jobOptions(policy: JobPolicy, jobId: string): JobsOptions {
  return {
    jobId,
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.backoffMs, jitter: 0.5 },
    removeOnComplete: { age: policy.retentionSeconds },
    removeOnFail: { age: policy.retentionSeconds },
  };
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
