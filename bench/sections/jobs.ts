import type { QueueBackend } from '@pharmacy/platform';
import { BenchConfig } from '../lib/config';
import { describeCpu } from '../lib/cpu';
import { jobTimesOn, NoopJobs, PROCESSOR_CONCURRENCY, producerQueueOn } from '../lib/jobs';
import { approveAll, ensureOrders, firstRequests, Request } from '../lib/orders';
import { Row } from '../lib/report';
import { Scale } from '../lib/scale';
import { Stack } from '../lib/stack';
import { until } from '../lib/stats';

/**
 * 5. eRx jobs processed per second, from BullMQ's and PostgreSQL's own timestamps, beside a no-op
 * BullMQ job on the same Redis, in the same worker process, at the same concurrency (8); then
 * (5c, 5d) the same eRx runs with the jobs on BullMQ's PostgreSQL backend, beside Redis's.
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
  let stopCpu = stack.cpu.start();
  const drainApprovals = await stack.phase(`approvals-${backend}`, () =>
    approveAll(stack, drainRequests, lanes),
  );
  const approvalsCpu = stopCpu();
  stopCpu = stack.cpu.start();
  await erxQueue.resume();
  const drain = await stack.phase(`erx-drain-${backend}`, () =>
    erxTimes(config, stack, drainRequests, backend),
  );
  const drainCpu = stopCpu();
  const drainRate = (drain.count / (drain.lastTransmitted - drain.firstPicked)) * 1000;

  log(`jobs (${backend}): eRx end to end: ${count} approvals at full speed, worker running`);
  const e2eRequests = await firstRequests(stack, count);
  stopCpu = stack.cpu.start();
  const e2eApprovals = await approveAll(stack, e2eRequests, lanes);
  const e2e = await erxTimes(config, stack, e2eRequests, backend);
  const e2eCpu = stopCpu();
  const e2eRate = (e2e.count / (e2e.lastTransmitted - e2e.firstAdded)) * 1000;
  await erxQueue.close();
  return {
    count,
    lanes,
    drain: { ...drain, perSecond: drainRate, approvals: drainApprovals },
    endToEnd: { ...e2e, perSecond: e2eRate, approvals: e2eApprovals },
    cpu: { approvalsOnly: approvalsCpu, erxDrain: drainCpu, endToEnd: e2eCpu },
  };
}

const jobs = (value: number, note?: string) => ({ value, unit: 'jobs/s', note });
const errorsNote = (errors: number) => (errors ? `${errors} errors` : undefined);

export async function jobsSection(
  config: BenchConfig,
  scale: Scale,
  stack: Stack,
  log: (s: string) => void,
) {
  const runs = await erxRuns(config, scale, stack, 'redis', log);
  const { count, lanes } = runs;
  const drainApprovals = runs.drain.approvals;
  const e2eApprovals = runs.endToEnd.approvals;
  const approvalsCpu = runs.cpu.approvalsOnly;
  const drainCpu = runs.cpu.erxDrain;

  log('jobs: no-op BullMQ job, drain and end to end');
  const noop = new NoopJobs(stack, config.redisUrl, lanes);
  await noop.start();
  const noopDrain = await noop.drain(count);
  const noopE2e = await noop.endToEnd(count);
  await noop.stop();
  await noop.close();

  const rows: Row[] = [
    {
      id: '5a',
      section: 'jobs',
      measure: `eRx jobs, ${count} queued then drained (concurrency ${PROCESSOR_CONCURRENCY}): first pick-up → last transmitted_at`,
      result: jobs(runs.drain.perSecond, errorsNote(drainApprovals.errors)),
      baselineName: `no-op BullMQ job, ${count} queued then drained, same worker process`,
      baseline: jobs(noopDrain.perSecond),
    },
    {
      id: '5b',
      section: 'jobs',
      measure: `eRx jobs fed by approvals on ${lanes} connections (${e2eApprovals.perSecond.toFixed(0)} approvals/s): first add → last transmitted_at`,
      errors: e2eApprovals.errors,
      result: jobs(runs.endToEnd.perSecond, errorsNote(e2eApprovals.errors)),
      baselineName: `no-op BullMQ job added by ${lanes} producers: first add → last finishedOn`,
      baseline: jobs(noopE2e.perSecond),
    },
  ];
  const notes = [
    `Approvals alone (eRx queue paused), ${drainApprovals.perSecond.toFixed(0)}/s on ${lanes} ` +
      `connections; CPU in cores: ${describeCpu(approvalsCpu)}; the API spent ` +
      `${(((approvalsCpu.api ?? Number.NaN) * 1e6) / drainApprovals.perSecond).toFixed(0)} µs ` +
      `of CPU per approval (24 PostgreSQL round trips in 3 transactions, 1 Redis add).`,
    `CPU in cores while the worker drained the eRx queue (5a): ${describeCpu(drainCpu)}.`,
  ];
  return {
    rows,
    notes,
    details: {
      cpu: runs.cpu,
      drain: runs.drain,
      endToEnd: runs.endToEnd,
      noopDrain,
      noopEndToEnd: noopE2e,
    },
  };
}

/**
 * 5c, 5d: the eRx runs of 5a and 5b again, on a stack whose jobs are on BullMQ's PostgreSQL
 * backend, each beside its Redis figure from earlier in this run.
 */
export async function postgresJobsSection(
  config: BenchConfig,
  scale: Scale,
  stack: Stack,
  log: (s: string) => void,
  onRedis: { drain: { perSecond: number }; endToEnd: { perSecond: number } },
) {
  const runs = await erxRuns(config, scale, stack, 'postgres', log);
  const rows: Row[] = [
    {
      id: '5c',
      section: 'jobs',
      measure: `eRx jobs on the PostgreSQL queue backend, ${runs.count} queued then drained: first pick-up → last transmitted_at`,
      errors: runs.drain.approvals.errors,
      result: jobs(runs.drain.perSecond, errorsNote(runs.drain.approvals.errors)),
      baselineName: 'the same on Redis (5a)',
      baseline: jobs(onRedis.drain.perSecond),
    },
    {
      id: '5d',
      section: 'jobs',
      measure: `eRx jobs on the PostgreSQL queue backend, fed by approvals on ${runs.lanes} connections: first add → last transmitted_at`,
      errors: runs.endToEnd.approvals.errors,
      result: jobs(runs.endToEnd.perSecond, errorsNote(runs.endToEnd.approvals.errors)),
      baselineName: 'the same on Redis (5b)',
      baseline: jobs(onRedis.endToEnd.perSecond),
    },
  ];
  const notes = [
    `CPU in cores while the worker drained the eRx queue on PostgreSQL (5c): ${describeCpu(runs.cpu.erxDrain)}.`,
  ];
  return { rows, notes, details: runs };
}
