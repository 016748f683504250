import { ERX_QUEUE } from '@pharmacy/ehr';
import { jobOptions, QueueBackend, redisConnection } from '@pharmacy/platform';
import { DEFAULT_JOB_POLICY, postgresQueueConnection } from '@pharmacy/platform/testing';
import { createPostgresBackend, Job, Queue } from 'bullmq';
import { CONCURRENCY, Config, log, PROCESSOR_CONCURRENCY } from '../lib/config';
import { approveAll, ensureOrders, pendingRequests } from '../lib/orders';
import { fig, Rows } from '../lib/report';
import { Stack } from '../lib/stack';
import { inLanes, until } from '../lib/stats';

/**
 * 5a, 5b. eRx jobs processed per second, from BullMQ's and PostgreSQL's own timestamps, beside a
 * no-op BullMQ job on the same Redis, in the same worker process, at the same concurrency.
 * 5c, 5d: the same eRx runs on a stack whose jobs are on BullMQ's PostgreSQL backend.
 */

const producer = (config: Config, backend: QueueBackend, name: string) =>
  backend === 'redis'
    ? new Queue(name, { connection: redisConnection(config.redisUrl, 'producer') })
    : new Queue(
        name,
        { connection: postgresQueueConnection(config.databaseUrl) as never },
        createPostgresBackend as never,
      );

/** BullMQ's own records of these jobs, once `done` holds for each. */
async function jobs(queue: Queue, ids: readonly string[], done = (job?: Job): boolean => !!job) {
  let found: (Job | undefined)[] = [];
  await until(`${ids.length} jobs of ${queue.name}`, async () => {
    found = await Promise.all(ids.map((id) => queue.getJob(id)));
    return found.every(done);
  });
  return found as Job[];
}

/** Jobs per second from the first job's add (`timestamp`) or pick-up (`processedOn`) to `lastMs`. */
const rate = (jobs: Job[], from: 'timestamp' | 'processedOn', lastMs: number) =>
  fig((jobs.length / (lastMs - Math.min(...jobs.map((job) => job[from]!)))) * 1000, 'jobs/s');

/** Waits for the prescriptions of these approvals to be transmitted. */
export async function transmitted(stack: Stack, requestIds: readonly string[]) {
  let rows: { id: string; at: Date }[] = [];
  await until(`${requestIds.length} prescriptions to be transmitted`, async () => {
    ({ rows } = await stack.db.query(
      `select id, transmitted_at as at from prescriptions
       where prescription_request_id = any($1) and status = 'transmitted'`,
      [requestIds],
    ));
    return rows.length === requestIds.length;
  });
  return rows;
}

/**
 * Approvals of `jobs` orders, each queueing an eRx job; when `paused`, with the queue paused
 * until all are in, timed from the first pick-up; otherwise from the first add. Either way to
 * the last `transmitted_at`.
 */
async function erxRun(config: Config, stack: Stack, queue: Queue, paused: boolean) {
  const requestIds = await pendingRequests(stack, 'first', config.scale.jobs);
  if (paused) await queue.pause();
  const approvals = await approveAll(stack, requestIds, CONCURRENCY);
  if (paused) await queue.resume();
  const prescriptions = await transmitted(stack, requestIds);
  const erx = await jobs(
    queue,
    prescriptions.map((p) => `erx-${p.id}`),
  );
  const last = Math.max(...prescriptions.map((p) => p.at.getTime()));
  const result = rate(erx, paused ? 'processedOn' : 'timestamp', last);
  return { result, errors: approvals.errors, approvalRate: approvals.perSecond };
}

/** The same with no-op jobs added by as many producers, timed to the last `finishedOn`. */
async function noopRun(config: Config, queue: Queue, paused: boolean) {
  // Ids unique per run: a retained job with the same id would make add() a no-op.
  const run = `noop-${Date.now()}`;
  const ids = Array.from({ length: config.scale.jobs }, (_, i) => `${run}-${i}`);
  const add = (id: string) => queue.add('noop', {}, jobOptions(DEFAULT_JOB_POLICY, id));
  if (paused) await queue.pause();
  await inLanes(CONCURRENCY, ids, add);
  if (paused) await queue.resume();
  const done = await jobs(queue, ids, (job) => !!job?.finishedOn);
  const last = Math.max(...done.map((job) => job.finishedOn!));
  return rate(done, paused ? 'processedOn' : 'timestamp', last);
}

/** The two eRx runs on one queue backend: queued then drained, and fed by approvals. */
async function erxRuns(config: Config, stack: Stack, backend: QueueBackend) {
  log(`jobs (${backend}): eRx jobs queued then drained, then fed by approvals`);
  await ensureOrders(stack, 2 * config.scale.jobs, CONCURRENCY);
  const queue = producer(config, backend, ERX_QUEUE);
  try {
    return {
      drain: await erxRun(config, stack, queue, true),
      fed: await erxRun(config, stack, queue, false),
    };
  } finally {
    await queue.close();
  }
}

export async function jobsSection(config: Config, stack: Stack): Promise<Rows> {
  const { drain, fed } = await erxRuns(config, stack, 'redis');
  log('jobs: no-op BullMQ jobs, queued then drained, then fed by producers');
  const queue = producer(config, 'redis', 'bench-noop');
  await stack.worker.call('noop-start', { queue: queue.name, concurrency: PROCESSOR_CONCURRENCY });
  try {
    return {
      '5a': { ...drain, baseline: await noopRun(config, queue, true) },
      '5b': {
        ...fed,
        baseline: await noopRun(config, queue, false),
        note: `approvals reached ${fed.approvalRate.toFixed(0)}/s, which this rate cannot pass`,
      },
    };
  } finally {
    await stack.worker.call('noop-stop');
    await queue.close();
  }
}

/** 5c, 5d: the eRx runs again on a stack whose jobs are on BullMQ's PostgreSQL backend. */
export async function postgresJobsSection(config: Config, stack: Stack, onRedis: Rows) {
  const { drain, fed } = await erxRuns(config, stack, 'postgres');
  return {
    '5c': { ...drain, baseline: onRedis['5a'].result },
    '5d': { ...fed, baseline: onRedis['5b'].result },
  };
}
