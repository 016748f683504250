import { isExhausted, retryDelayMs, RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

describe('Retry backoff', () => {
  it('doubles the delay after each failed attempt, jittered between half and all of it', () => {
    for (const [attempts, full] of [
      [1, 100],
      [2, 200],
      [3, 400],
      [4, 800],
    ]) {
      expect(retryDelayMs(policy, attempts, () => 0)).toBe(full / 2);
      expect(retryDelayMs(policy, attempts, () => 1)).toBe(full);
      const jittered = retryDelayMs(policy, attempts);
      expect(jittered).toBeGreaterThanOrEqual(full / 2);
      expect(jittered).toBeLessThanOrEqual(full);
    }
  });

  it('never waits longer than the cap', () => {
    expect(retryDelayMs(policy, 30, () => 1)).toBe(1000);
  });

  it('spreads retries that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(policy, 3)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('gives up after the configured number of attempts', () => {
    expect(isExhausted(policy, 4)).toBe(false);
    expect(isExhausted(policy, 5)).toBe(true);
  });
});
