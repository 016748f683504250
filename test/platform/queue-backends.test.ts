import { jobBackoff, jobOptions } from '@pharmacy/platform';
import { useQueueBackend } from '@pharmacy/platform/testing';
import { Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { describeEachQueueBackend } from '../support/needs';
import { testEnv } from '../support/test-env';
import { waitFor } from '../support/wait-for';

const POLICY = {
  retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 40 },
  retentionSeconds: 3600,
};

/**
 * What the application asks of BullMQ, asked of each backend: a job id derived from the work
 * makes a second add a no-op while the first is retained; a failure is retried with backoff
 * until the attempts run out; an UnrecoverableError is final at once.
 */
describeEachQueueBackend('A job queue', (backend) => {
  const settings = {
    QUEUE_BACKEND: backend,
    REDIS_URL: testEnv.redisUrl,
    DATABASE_URL: testEnv.databaseUrl,
  };
  const name = `contract-${backend}-${Date.now()}`;
  let queue: Queue;
  let worker: Worker | undefined;
  const runs = new Map<string, number>();

  beforeAll(async () => {
    queue = new Queue(name, useQueueBackend(settings, 'producer'));
    await queue.waitUntilReady();
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });

  afterAll(() => queue.close());

  const work = (processor: (job: Job) => void) => {
    worker = new Worker(
      name,
      async (job) => {
        runs.set(job.id!, (runs.get(job.id!) ?? 0) + 1);
        processor(job);
      },
      {
        ...useQueueBackend(settings, 'worker'),
        concurrency: 4,
        settings: { backoffStrategy: jobBackoff },
      },
    );
    return worker.waitUntilReady();
  };

  it('keeps one job, run once, when the same job id is added three times', async () => {
    const id = `once-${backend}`;
    for (let i = 0; i < 3; i += 1) {
      await queue.add('work', { i }, jobOptions(POLICY, id));
    }
    await work(() => undefined);
    await waitFor(`job ${id} completed`, async () =>
      (await queue.getJobState(id)) === 'completed' ? true : undefined,
    );
    await queue.add('work', { i: 3 }, jobOptions(POLICY, id)); // retained: still a no-op
    expect(await queue.getJobCounts('waiting', 'completed')).toEqual({ waiting: 0, completed: 1 });
    expect(runs.get(id)).toBe(1);
    expect((await queue.getJob(id))!.data).toEqual({ i: 0 });
  });

  it('retries a failing job with backoff until its attempts run out', async () => {
    const id = `retried-${backend}`;
    await work(() => {
      throw new Error('partner down');
    });
    await queue.add('work', {}, jobOptions(POLICY, id));
    await waitFor(`job ${id} failed for good`, async () =>
      (await queue.getJobState(id)) === 'failed' ? true : undefined,
    );
    const failed = await queue.getJob(id);
    expect(runs.get(id)).toBe(POLICY.retry.maxAttempts);
    expect(failed!.attemptsMade).toBe(POLICY.retry.maxAttempts);
    expect(failed!.failedReason).toBe('partner down');
  });

  it('fails an UnrecoverableError at once, without retrying', async () => {
    const id = `refused-${backend}`;
    await work(() => {
      throw new UnrecoverableError('refused by the partner');
    });
    await queue.add('work', {}, jobOptions(POLICY, id));
    await waitFor(`job ${id} failed`, async () =>
      (await queue.getJobState(id)) === 'failed' ? true : undefined,
    );
    expect(runs.get(id)).toBe(1);
  });
});
