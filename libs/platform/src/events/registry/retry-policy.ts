/** When a failed publication, message or job is tried again, and when it is given up on. */
export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure it has failed for good. */
  readonly maxAttempts: number;
  /** Delay before the first retry, in ms; each further retry doubles it, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries of
 * many publications that failed together (Redis down) spread out instead of stampeding back.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attemptsMade: number,
  random = Math.random,
): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attemptsMade - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * random());
}

export function isExhausted(policy: RetryPolicy, attemptsMade: number): boolean {
  return attemptsMade >= policy.maxAttempts;
}

/**
 * The longest a policy keeps retrying, in ms: the sum of its full (unjittered) delays between
 * the first attempt and the last. Jitter makes the real horizon between half of this and all of it.
 */
export function retryHorizonMs(policy: RetryPolicy): number {
  let total = 0;
  for (let attempt = 1; attempt < policy.maxAttempts; attempt++) {
    total += Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  }
  return total;
}
