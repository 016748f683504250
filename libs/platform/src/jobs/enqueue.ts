import type { JobsOptions, Queue } from 'bullmq';

/** How long an enqueue may wait for Redis before it counts as failed, in ms. */
export const ENQUEUE_TIMEOUT_MS = 2000;

/**
 * Adds a job, or fails within `timeoutMs`. A producer whose connection queues commands while Redis
 * is away would otherwise wait for as long as the outage lasts, holding its transaction open;
 * failing lets the event registry retry the enqueue later. If the add still lands afterwards, the
 * retry's add of the same job id is a no-op.
 */
export async function enqueueJob<T>(
  queue: Queue<T>,
  name: string,
  data: T,
  options: JobsOptions,
  timeoutMs = ENQUEUE_TIMEOUT_MS,
): Promise<void> {
  const adding = queue.add(name as never, data as never, options);
  adding.catch(() => undefined); // settled by the race below; a late failure has nobody to tell
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `Enqueue to ${queue.name} timed out after ${timeoutMs} ms; is the queue backend reachable?`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    await Promise.race([adding, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
