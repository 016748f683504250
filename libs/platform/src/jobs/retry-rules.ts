import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { PartnerRejectedError } from '../partners/partner-http';
import { jobBackoff } from './job-policy';
import { runInJobTrace, type Traced } from './job-trace';

/**
 * Runs a job's work in the trace of whoever enqueued it, under the application's retry rules:
 * - a partner's refusal of the request (`PartnerRejectedError`), or what `isPermanent` names,
 *   fails the job at once: no retry can change the answer;
 * - a database that is lost, overloaded or timed out puts the job back for later without using
 *   up an attempt: the attempts count the partner's failures, not ours;
 * - anything else (the partner down, slow, busy, or refusing our credentials) is retried by
 *   BullMQ with `jobBackoff`, until the attempts run out.
 */
export async function runUnderRetryRules(
  job: Job<Traced<object>>,
  token: string | undefined,
  work: () => Promise<void>,
  isPermanent: (error: unknown) => boolean = () => false,
): Promise<void> {
  try {
    await runInJobTrace(job, work);
  } catch (error) {
    if (error instanceof PartnerRejectedError || isPermanent(error)) {
      throw new UnrecoverableError((error as Error).message);
    }
    if (token !== undefined && isDatabaseUnavailable(error)) {
      const delayMs = jobBackoff(Math.min(job.attemptsStarted, 64), undefined, undefined, job);
      await job.moveToDelayed(Date.now() + delayMs, token);
      throw new DelayedError(`database unavailable, retrying in ${delayMs} ms`);
    }
    throw error;
  }
}
