import { BenchConfig } from '../lib/config';
import { describeCpu } from '../lib/cpu';
import { jobTimes, NoopJobs, PROCESSOR_CONCURRENCY, producerQueue } from '../lib/jobs';
import { approveAll, ensureOrders, firstRequests, Request } from '../lib/orders';
import { Row } from '../lib/report';
import { Scale } from '../lib/scale';
import { Stack } from '../lib/stack';
import { until } from '../lib/stats';

/**
 * 5. eRx jobs processed per second, from BullMQ's and PostgreSQL's own timestamps, beside a no-op
 * BullMQ job on the same Redis, in the same worker process, at the same concurrency (8).
 */

const ERX_QUEUE = 'erx-submission';

/** Waits for the prescriptions of these approvals to be transmitted; their job and DB times. */
export async function erxTimes(config: BenchConfig, stack: Stack, requests: readonly Request[]) {
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
  const jobs = await jobTimes(
    config.redisUrl,
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

export async function jobsSection(
  config: BenchConfig,
  scale: Scale,
  stack: Stack,
  log: (s: string) => void,
) {
  const lanes = config.concurrency;
  const count = scale.jobs;
  log(`jobs: making sure ${2 * count} orders await review`);
  await ensureOrders(stack, 2 * count, lanes);
  const erxQueue = producerQueue(config.redisUrl, ERX_QUEUE);

  log(`jobs: eRx drain: ${count} approvals with the eRx queue paused, then resumed`);
  const drainRequests = await firstRequests(stack, count);
  await erxQueue.pause();
  let stopCpu = stack.cpu.start();
  const drainApprovals = await stack.phase('approvals', () =>
    approveAll(stack, drainRequests, lanes),
  );
  const approvalsCpu = stopCpu();
  stopCpu = stack.cpu.start();
  await erxQueue.resume();
  const drain = await stack.phase('erx-drain', () => erxTimes(config, stack, drainRequests));
  const drainCpu = stopCpu();
  const drainRate = (drain.count / (drain.lastTransmitted - drain.firstPicked)) * 1000;

  log(`jobs: eRx end to end: ${count} approvals at full speed, worker running`);
  const e2eRequests = await firstRequests(stack, count);
  stopCpu = stack.cpu.start();
  const e2eApprovals = await approveAll(stack, e2eRequests, lanes);
  const e2e = await erxTimes(config, stack, e2eRequests);
  const e2eCpu = stopCpu();
  const e2eRate = (e2e.count / (e2e.lastTransmitted - e2e.firstAdded)) * 1000;
  await erxQueue.close();

  log('jobs: no-op BullMQ job, drain and end to end');
  const noop = new NoopJobs(stack, config.redisUrl, lanes);
  await noop.start();
  const noopDrain = await noop.drain(count);
  const noopE2e = await noop.endToEnd(count);
  await noop.stop();
  await noop.close();

  const jobs = (value: number, note?: string) => ({ value, unit: 'jobs/s', note });
  const rows: Row[] = [
    {
      id: '5a',
      section: 'jobs',
      measure: `eRx jobs, ${count} queued then drained (concurrency ${PROCESSOR_CONCURRENCY}): first pick-up → last transmitted_at`,
      result: jobs(
        drainRate,
        drainApprovals.errors ? `${drainApprovals.errors} errors` : undefined,
      ),
      baselineName: `no-op BullMQ job, ${count} queued then drained, same worker process`,
      baseline: jobs(noopDrain.perSecond),
    },
    {
      id: '5b',
      section: 'jobs',
      measure: `eRx jobs fed by approvals on ${lanes} connections (${e2eApprovals.perSecond.toFixed(0)} approvals/s): first add → last transmitted_at`,
      errors: e2eApprovals.errors,
      result: jobs(e2eRate, e2eApprovals.errors ? `${e2eApprovals.errors} errors` : undefined),
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
      cpu: { approvalsOnly: approvalsCpu, erxDrain: drainCpu, endToEnd: e2eCpu },
      drain: { ...drain, perSecond: drainRate, approvals: drainApprovals },
      endToEnd: { ...e2e, perSecond: e2eRate, approvals: e2eApprovals },
      noopDrain,
      noopEndToEnd: noopE2e,
    },
  };
}
