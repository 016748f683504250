import type { JobsOptions, Queue } from 'bullmq';
import { ENQUEUE_TIMEOUT_MS, enqueueJob } from './enqueue';

/** BullMQ states in which a job will still run, or is running. */
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * What `ensureJob` found and did: the job was `live` (nothing to do), has been `added`, or had
 * `failed` for good (left as it is, with BullMQ's reason, for the caller to record).
 */
export type JobCheck =
  | { readonly outcome: 'live' }
  | { readonly outcome: 'added' }
  | { readonly outcome: 'failed'; readonly failedReason: string };

/**
 * Makes sure the job with `options.jobId` will run. A job that finished (completed, or failed
 * with `replaceFailed`) is removed and added again under the same id, since an add of a retained
 * id is a no-op; a job that vanished (an acknowledged add lost by Redis, or retention expired)
 * is added. Each Redis call is bounded by the enqueue deadline.
 */
export async function ensureJob<T>(
  queue: Queue<T>,
  name: string,
  data: T,
  options: JobsOptions & { jobId: string },
  { replaceFailed = false, timeoutMs = ENQUEUE_TIMEOUT_MS } = {},
): Promise<JobCheck> {
  const existing = await withDeadline(queue.getJob(options.jobId), timeoutMs, queue.name);
  if (existing) {
    const state = await withDeadline(existing.getState(), timeoutMs, queue.name);
    if (LIVE_STATES.has(state)) return { outcome: 'live' };
    if (state === 'failed' && !replaceFailed) {
      return { outcome: 'failed', failedReason: existing.failedReason ?? 'failed' };
    }
    await withDeadline(existing.remove(), timeoutMs, queue.name);
  }
  await enqueueJob(queue, name, data, options, timeoutMs);
  return { outcome: 'added' };
}

async function withDeadline<T>(work: Promise<T>, ms: number, queue: string): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis did not answer ${queue} within ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
