import type { MinimalJob } from 'bullmq';
import { DEFAULT_REGISTRY_OPTIONS } from '../events/registry/registry-options';
import { retryHorizonMs } from '../events/registry/retry-policy';
import {
  PartnerAccessDeniedError,
  PartnerRejectedError,
  PartnerUnavailableError,
} from '../partners/partner-http';
import { DEFAULT_JOB_POLICY, jobBackoff, jobOptions, MAX_RETRY_AFTER_MS } from './job-policy';

const policy = {
  retry: { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000 },
  retentionSeconds: 60,
};
const job = { opts: jobOptions(policy, 'erx-1') } as unknown as MinimalJob;

describe('The job retry policy', () => {
  it('by default keeps retrying for hours, exactly as long as the event registry', () => {
    const jobs = retryHorizonMs(DEFAULT_JOB_POLICY.retry);
    expect(jobs).toBe(retryHorizonMs(DEFAULT_REGISTRY_OPTIONS.retry));
    expect(jobs).toBeGreaterThanOrEqual(2 * 3_600_000 * 0.75);
  });

  it('backs off exponentially with jitter, and never beyond the cap', () => {
    const unavailable = new PartnerUnavailableError('pharmacy', 'answered 503');
    for (const [attempts, full] of [
      [1, 100],
      [3, 400],
      [20, 1000],
    ]) {
      const delay = jobBackoff(attempts, 'capped-exponential', unavailable, job);
      expect(delay).toBeGreaterThanOrEqual(full / 2);
      expect(delay).toBeLessThanOrEqual(full);
    }
  });

  it("waits as long as the partner's Retry-After asks, when that is longer, up to an hour", () => {
    const busy = new PartnerUnavailableError('pharmacy', 'answered 429', 30_000);
    expect(jobBackoff(1, 'capped-exponential', busy, job)).toBe(30_000);
    const greedy = new PartnerUnavailableError('pharmacy', 'answered 503', 10 * MAX_RETRY_AFTER_MS);
    expect(jobBackoff(1, 'capped-exponential', greedy, job)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('retries a partner that refused our credentials at the slowest pace from the start', () => {
    const denied = new PartnerAccessDeniedError('eRx network', 401, null);
    expect(jobBackoff(1, 'capped-exponential', denied, job)).toBeGreaterThanOrEqual(500);
  });

  it('is carried by the job itself, so any worker computes the same curve', () => {
    expect(job.opts.backoff).toEqual({ type: 'capped-exponential', delay: 100, maxDelay: 1000 });
    expect(
      jobBackoff(1, 'capped-exponential', new PartnerRejectedError('x', 422, ''), job),
    ).toBeLessThanOrEqual(100);
  });
});
