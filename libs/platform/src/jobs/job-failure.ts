import type { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { PartnerAccessDeniedError } from '../partners/partner-http';
import { isFinalFailure } from './job-policy';
import { runInJobTrace, type Traced } from './job-trace';

/** How a processor's failed jobs are told apart, and how one that failed for good is recorded. */
export interface JobFailureHandling<T extends object> {
  readonly logger: Logger;
  /** The log fields that name the job's item (`{ orderUuid }`), and its name in a message. */
  describe(data: T): { readonly fields: Record<string, unknown>; readonly item: string };
  /** Marks the item failed for an operator to retry; runs in the job's trace. */
  recordFailure(data: T, reason: string): Promise<unknown>;
}

/**
 * What every processor does on BullMQ's `failed` event: a partner that refused our credentials
 * raises an alarm at each attempt (the job goes on at the slowest pace; only an operator can
 * help), and a job that failed for good is recorded. An event listener: nobody awaits it, so it
 * never rejects. A record that fails is logged, and the reconciler, finding the item still
 * waiting with its job failed, records it later.
 */
export async function handleJobFailure<T extends object>(
  job: Job<Traced<T>> | undefined,
  error: Error,
  handling: JobFailureHandling<T>,
): Promise<void> {
  if (!job) return;
  const { logger } = handling;
  const { fields, item } = handling.describe(job.data);
  if (error instanceof PartnerAccessDeniedError) {
    logger.error(
      { alarm: 'partner-access-denied', ...fields, jobId: job.id, err: error },
      `ALARM: ${error.message}; ${item} waits until an operator fixes the credentials`,
    );
  }
  if (!isFinalFailure(job, error)) return;
  try {
    await runInJobTrace(job, () => handling.recordFailure(job.data, error.message));
  } catch (recordError) {
    logger.error(
      { err: recordError, ...fields, jobId: job.id },
      `Could not record that the job of ${item} failed for good`,
    );
  }
}
