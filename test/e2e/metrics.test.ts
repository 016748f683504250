import { getQueueToken } from '@nestjs/bullmq';
import { OrderFulfilledEvent } from '@pharmacy/contracts';
import { EventBus } from '@pharmacy/platform';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OTC, placeOrder, waitForOrderStatus } from '../support/flow';
import { freePort } from '../support/free-port';
import { scrape } from '../support/prometheus';
import { startStack, Stack } from '../support/stack';
import { waitFor } from '../support/wait-for';

const FAILING = 'metrics-test.fail-on-order-fulfilled';

/**
 * Both processes serve Prometheus metrics on ports of their own. After one order's flow the
 * figures must say what happened: the request, each delivery and its outcome, the job, and the
 * registry's backlog with its lag.
 */
describe('Metrics in Prometheus format, after a flow', () => {
  let stack: Stack;
  let apiMetrics: string;
  let workerMetrics: string;

  beforeAll(async () => {
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    apiMetrics = `http://127.0.0.1:${apiPort}/metrics`;
    workerMetrics = `http://127.0.0.1:${workerPort}/metrics`;
    stack = await startStack(
      // A lease longer than any delivery here: a give-up must come from a delivery's failure.
      {
        METRICS_PORT: String(apiPort),
        PUBLICATION_MAX_ATTEMPTS: '2',
        PUBLICATION_LEASE_MS: '10000',
      },
      { workerEnv: { METRICS_PORT: String(workerPort) } },
    );
    // A subscriber that always fails, in the process that publishes OrderFulfilledEvent.
    stack.worker!.get(EventBus).subscribe(OrderFulfilledEvent, FAILING, () => {
      throw new Error('always fails');
    });
  });

  afterAll(() => stack.close());

  it('counts the request, the deliveries by outcome and the job, and shows the backlog', async () => {
    const order = await placeOrder(stack, [OTC]);
    await waitForOrderStatus(stack, order.uuid, 'fulfilled');

    const api = await waitFor('the API to count the fulfillment enqueue', async () => {
      const scraped = await scrape(apiMetrics);
      const enqueued = scraped.value('pharmacy_event_deliveries_total', {
        subscriber: 'orders.enqueue-fulfillment-when-order-ready',
        outcome: 'completed',
      });
      return enqueued === 1 ? scraped : undefined;
    });
    expect(
      api.value('pharmacy_http_requests_total', {
        method: 'POST',
        route: '/api/orders',
        status: '201',
      }),
    ).toBe(1);
    expect(
      api.value('pharmacy_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/orders',
        status: '201',
      }),
    ).toBe(1);
    expect(api.samples.some((sample) => sample.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
    // The queue's own counts are the truth (earlier suites may have left jobs in it); they are
    // read before and after a scrape, and compared once no job moved in between.
    const queue = stack.api.get<Queue>(getQueueToken('fulfillment'));
    const states = ['failed', 'waiting', 'active'] as const;
    const { counts, jobs } = await waitFor('the fulfillment queue to hold still', async () => {
      const before = await queue.getJobCounts(...states);
      const scraped = await scrape(apiMetrics);
      const after = await queue.getJobCounts(...states);
      return JSON.stringify(before) === JSON.stringify(after)
        ? { counts: after, jobs: scraped }
        : undefined;
    });
    for (const state of states) {
      expect(jobs.value('pharmacy_jobs', { queue: 'fulfillment', state })).toBe(counts[state]);
    }

    // The failing subscriber is retried once (PUBLICATION_MAX_ATTEMPTS=2), then given up.
    const worker = await waitFor(
      'the worker to give the failing subscriber up',
      async () => {
        const scraped = await scrape(workerMetrics);
        const failed = scraped.value('pharmacy_event_deliveries_total', {
          subscriber: FAILING,
          outcome: 'failed',
        });
        const owed = scraped.value('pharmacy_event_publications', {
          subscriber: FAILING,
          state: 'failed',
        });
        // Counters and the backlog are read side by side within one scrape: wait for both.
        return failed === 1 && owed === 1 ? scraped : undefined;
      },
      { timeoutMs: 30_000 }, // behind whatever earlier suites left the relay to do
    );
    expect(
      worker.value('pharmacy_event_deliveries_total', { subscriber: FAILING, outcome: 'retrying' }),
    ).toBe(1);
    expect(
      worker.value('pharmacy_event_deliveries_total', {
        subscriber: 'notifications.notify-patient-when-order-shipped',
        outcome: 'completed',
      }),
    ).toBe(1);
    expect(
      worker.value('pharmacy_job_duration_seconds_count', {
        queue: 'fulfillment',
        outcome: 'completed',
      }),
    ).toBe(1);

    // Two publications owed, for an hour and for a minute, their retries not yet due: two
    // pending, and the lag is the older one's age.
    for (const age of ['1 hour', '1 minute']) {
      await stack.api.get(DataSource).query(
        `insert into event_publications (id, event_id, event_type, event_version, event,
           subscriber, status, attempts, next_attempt_at, created_at)
         values ($1, $2, 'orders.order-fulfilled', 1, '{}', $3, 'pending', 1,
                 now() + interval '1 hour', now() - $4::interval)`,
        [randomUUID(), randomUUID(), FAILING, age],
      );
    }
    const lagging = await scrape(apiMetrics);
    expect(
      lagging.value('pharmacy_event_publications', { subscriber: FAILING, state: 'pending' }),
    ).toBe(2);
    const lag = lagging.value('pharmacy_event_publications_oldest_pending_age_seconds', {
      subscriber: FAILING,
    });
    expect(lag).toBeGreaterThanOrEqual(3600);
    expect(lag).toBeLessThan(3700);
    expect(
      lagging.value('pharmacy_event_publications_oldest_pending_age_seconds', {
        subscriber: 'orders.enqueue-fulfillment-when-order-ready',
      }),
    ).toBe(0);
  }, 60_000);

  it('answers 404 off its path, and serves nothing on the API port', async () => {
    expect((await fetch(apiMetrics.replace('/metrics', '/other'))).status).toBe(404);
    await stack.http.get('/metrics').expect(404);
  });
});
