import type { QueueBackend } from '@pharmacy/platform';
import { BenchConfig } from '../lib/config';
import { jobTimesOn, NoopJobs, producerQueueOn } from '../lib/jobs';
import { approveAll, ensureOrders, firstRequests, Request } from '../lib/orders';
import { Measured } from '../lib/report';
import { Scale } from '../lib/scale';
import { Stack } from '../lib/stack';
import { until } from '../lib/stats';

/**
 * 5a, 5b. eRx jobs processed per second, from BullMQ's and PostgreSQL's own timestamps, beside a
 * no-op BullMQ job on the same Redis, in the same worker process, at the same concurrency;
 * 5c, 5d: the same eRx runs on a stack whose jobs are on BullMQ's PostgreSQL backend.
 */

const ERX_QUEUE = 'erx-submission';

/** Waits for the prescriptions of these approvals to be transmitted; their job and DB times. */
export async function erxTimes(
  config: BenchConfig,
  stack: Stack,
  requests: readonly Request[],
  backend: QueueBackend = 'redis',
) {
  const ids = requests.map((r) => r.requestId);
  await until(
    `${ids.length} prescriptions to be transmitted`,
    async () => {
      const { rows } = await stack.db.query<{ n: number }>(
        `select count(*)::int as n from prescriptions
         where prescription_request_id = any($1) and status = 'transmitted'`,
        [ids],
      );
      return rows[0].n === ids.length;
    },
    180_000,
  );
  const { rows } = await stack.db.query<{ id: string; transmitted: Date }>(
    `select id, transmitted_at as transmitted from prescriptions
     where prescription_request_id = any($1)`,
    [ids],
  );
  const jobs = await jobTimesOn(
    backend,
    config,
    ERX_QUEUE,
    rows.map((r) => `erx-${r.id}`),
  );
  return {
    count: rows.length,
    firstAdded: Math.min(...jobs.map((j) => j.added)),
    firstPicked: Math.min(...jobs.map((j) => j.processedOn)),
    lastTransmitted: Math.max(...rows.map((r) => r.transmitted.getTime())),
  };
}

/**
 * The two eRx runs on one queue backend: approvals with the eRx queue paused, then drained
 * (first pick-up → last transmitted_at); then approvals at full speed with the worker running
 * (first add → last transmitted_at).
 */
async function erxRuns(
  config: BenchConfig,
  scale: Scale,
  stack: Stack,
  backend: QueueBackend,
  log: (s: string) => void,
) {
  const lanes = config.concurrency;
  const count = scale.jobs;
  log(`jobs (${backend}): making sure ${2 * count} orders await review`);
  await ensureOrders(stack, 2 * count, lanes);
  const erxQueue = producerQueueOn(backend, config, ERX_QUEUE);

  log(`jobs (${backend}): eRx drain: ${count} approvals with the eRx queue paused, then resumed`);
  const drainRequests = await firstRequests(stack, count);
  await erxQueue.pause();
  const drainApprovals = await stack.phase(`approvals-${backend}`, () =>
    approveAll(stack, drainRequests, lanes),
  );
  await erxQueue.resume();
  const drain = await stack.phase(`erx-drain-${backend}`, () =>
    erxTimes(config, stack, drainRequests, backend),
  );
  const drainRate = (drain.count / (drain.lastTransmitted - drain.firstPicked)) * 1000;

  log(`jobs (${backend}): eRx end to end: ${count} approvals at full speed, worker running`);
  const e2eRequests = await firstRequests(stack, count);
  const e2eApprovals = await approveAll(stack, e2eRequests, lanes);
  const e2e = await erxTimes(config, stack, e2eRequests, backend);
  const e2eRate = (e2e.count / (e2e.lastTransmitted - e2e.firstAdded)) * 1000;
  await erxQueue.close();
  return {
    count,
    lanes,
    drain: { ...drain, perSecond: drainRate, approvals: drainApprovals },
    endToEnd: { ...e2e, perSecond: e2eRate, approvals: e2eApprovals },
  };
}

const jobs = (value: number) => ({ value, unit: 'jobs/s' });
type Runs = Awaited<ReturnType<typeof erxRuns>>;

export async function jobsSection(
  config: BenchConfig,
  scale: Scale,
  stack: Stack,
  log: (s: string) => void,
) {
  const runs = await erxRuns(config, scale, stack, 'redis', log);
  log('jobs: no-op BullMQ job, drain and end to end');
  const noop = new NoopJobs(stack, config.redisUrl, config.concurrency);
  await noop.start();
  const noopDrain = await noop.drain(scale.jobs);
  const noopE2e = await noop.endToEnd(scale.jobs);
  await noop.stop();
  await noop.close();
  const rows: Record<string, Measured> = {
    '5a': {
      result: jobs(runs.drain.perSecond),
      baseline: jobs(noopDrain.perSecond),
      errors: runs.drain.approvals.errors,
    },
    '5b': {
      result: jobs(runs.endToEnd.perSecond),
      baseline: jobs(noopE2e.perSecond),
      errors: runs.endToEnd.approvals.errors,
      note:
        `approvals reached ${runs.endToEnd.approvals.perSecond.toFixed(0)}/s, which this rate ` +
        'cannot pass',
    },
  };
  return { rows, runs, details: { ...runs, noopDrain, noopE2e } };
}

/** 5c, 5d: the eRx runs again on a stack whose jobs are on BullMQ's PostgreSQL backend. */
export async function postgresJobsSection(
  config: BenchConfig,
  scale: Scale,
  stack: Stack,
  log: (s: string) => void,
  onRedis: Runs,
) {
  const runs = await erxRuns(config, scale, stack, 'postgres', log);
  const rows: Record<string, Measured> = {
    '5c': {
      result: jobs(runs.drain.perSecond),
      baseline: jobs(onRedis.drain.perSecond),
      errors: runs.drain.approvals.errors,
    },
    '5d': {
      result: jobs(runs.endToEnd.perSecond),
      baseline: jobs(onRedis.endToEnd.perSecond),
      errors: runs.endToEnd.approvals.errors,
    },
  };
  return { rows, details: runs };
}
