import type { JobCheck } from '../jobs/ensure-job';
import type { RetryView } from './retry.view';

/**
 * Puts back the job of an item an operator has just retried, replacing a job that failed for
 * good, and says what became of it for the retry's answer. With Redis away the answer is
 * `unknown`: the retry is committed all the same, and the reconciler adds the job later.
 */
export function requeueRetried(
  ensure: (options: { replaceFailed: true }) => Promise<JobCheck>,
): Promise<RetryView['job']> {
  return ensure({ replaceFailed: true }).then(
    (check) => check.outcome,
    () => 'unknown' as const,
  );
}
