import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { once } from 'node:events';
import { DataSource } from 'typeorm';
import { ChildApp } from '../support/child-api';
import { OTC, getOrder, placeOrder, waitForOrderStatus } from '../support/flow';
import { startStack, Stack, TEST_JWT_SECRET } from '../support/stack';
import { TcpProxy } from '../support/tcp-proxy';
import { testEnv } from '../support/test-env';
import { waitFor } from '../support/wait-for';
import { describeWithRedis } from '../support/needs';

const SHUTDOWN_TIMEOUT_MS = 4000;

/** SIGTERM, then how long the process took to exit, and with which code. */
async function terminate(child: ChildApp): Promise<{ ms: number; code: number | null }> {
  const exited = once(child.process, 'exit');
  const started = Date.now();
  child.process.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return { ms: Date.now() - started, code };
}

/**
 * The built worker as a real process, given SIGTERM. The API runs in this process without a
 * worker of its own, so every job is the child's.
 */
/** The child worker's settings, on the run's queue backend, against these partners. */
const workerEnvFor = (partners: string): NodeJS.ProcessEnv => ({
  DATABASE_URL: testEnv.databaseUrl,
  REDIS_URL: testEnv.redisUrl,
  QUEUE_BACKEND: testEnv.queueBackend,
  JWT_SECRET: TEST_JWT_SECRET,
  ERX_BASE_URL: partners,
  PHARMACY_BASE_URL: partners,
  PARTNER_TIMEOUT_MS: '3000',
  SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
  JOB_BACKOFF_MS: '20',
  JOB_MAX_BACKOFF_MS: '200',
  LOG_LEVEL: 'info',
});

describe('Graceful shutdown of the worker', () => {
  let stack: Stack;
  let workerEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    stack = await startStack({}, { worker: false });
    workerEnv = workerEnvFor(stack.partnersUrl);
  });

  afterEach(() => stack.partners.reset());

  /** The child worker has taken the order's job, and is in its partner call. */
  const jobTaken = (orderUuid: string) =>
    waitFor(`the worker to be shipping ${orderUuid}`, async () => {
      const job = await stack.api
        .get<Queue>(getQueueToken('fulfillment'))
        .getJob(`fulfill-${orderUuid}`);
      return (await job?.getState()) === 'active';
    });
  afterAll(() => stack.close());

  it('lets a job in the middle of a slow partner call finish, audited, and exits in time', async () => {
    const worker = await ChildApp.start('worker', workerEnv);
    try {
      stack.partners.setFaults({ latencyMs: 1500 });
      const order = await placeOrder(stack, [OTC]);
      await jobTaken(order.uuid);

      const { ms, code } = await terminate(worker);

      expect(code).toBe(0);
      expect(ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
      expect(worker.log).toMatch(/SIGTERM received/);
      expect(worker.log).toMatch(/Shut down cleanly/);
      // The job finished before the exit: the order is fulfilled, once, and the change audited.
      const fulfilled = await waitForOrderStatus(stack, order.uuid, 'fulfilled');
      expect(fulfilled.trackingNumber).toMatch(/^TRK-/);
      expect(stack.partners.stats().shipments.byKey[order.uuid]).toEqual({
        attempts: 1,
        created: 1,
      });
      const audit = await stack.api
        .get(DataSource)
        .query(
          `select new_value from audit_log where entity = 'orders' and entity_id = $1 and field = 'status'`,
          [order.uuid],
        );
      expect(audit.map((row: { new_value: string }) => row.new_value)).toContain('fulfilled');
    } finally {
      await worker.kill();
    }
  });

  it('hands back a job whose partner call outlives the shutdown, for another worker to finish', async () => {
    const env = { ...workerEnv, PARTNER_TIMEOUT_MS: '1500', SHUTDOWN_TIMEOUT_MS: '3000' };
    const first = await ChildApp.start('worker', env);
    let second: ChildApp | undefined;
    try {
      stack.partners.setFaults({ hangRate: 1 }); // never answers: the call times out
      const order = await placeOrder(stack, [OTC]);
      await jobTaken(order.uuid);

      const { ms, code } = await terminate(first);
      expect(code).toBe(0); // the call timed out and the job went back to the queue, in time
      expect(ms).toBeLessThan(3000);
      expect((await getOrder(stack, order.uuid)).status).toBe('ready_for_fulfillment');

      stack.partners.setFaults({});
      second = await ChildApp.start('worker', env);
      await waitForOrderStatus(stack, order.uuid, 'fulfilled');
      expect(stack.partners.stats().shipments.byKey[order.uuid].created).toBe(1);
    } finally {
      await first.kill();
      await second?.kill();
    }
  });
});

describeWithRedis('Graceful shutdown of the worker with jobs on Redis', () => {
  it('exits within its deadline even when Redis has gone silent', async () => {
    const proxy = await TcpProxy.inFrontOf(testEnv.redisUrl);
    const worker = await ChildApp.start('worker', {
      ...workerEnvFor('http://127.0.0.1:9'),
      QUEUE_BACKEND: 'redis',
      REDIS_URL: proxy.via(testEnv.redisUrl),
    });
    try {
      await proxy.cut();
      const { ms } = await terminate(worker);
      expect(ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 1000);
      expect(worker.log).toMatch(/SIGTERM received/);
    } finally {
      await worker.kill();
      await proxy.restore();
      await proxy.cut();
    }
  });
});
