import { getQueueToken } from '@nestjs/bullmq';
import { PlatformMetrics, Reconciler } from '@pharmacy/platform';
import { useQueueBackend } from '@pharmacy/platform/testing';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  OTC,
  RX_A,
  getOrder,
  pendingRequestsOf,
  placeOrder,
  waitForOrderStatus,
} from '../support/flow';
import { testEnv } from '../support/test-env';
import { startStack, Stack } from '../support/stack';
import { waitFor } from '../support/wait-for';

/**
 * No worker runs here, so every job stays live (waiting) in Redis: a duplicate enqueue meets a
 * live job, and a job removed by hand is an acknowledged add that Redis lost.
 */
describe('Jobs: one per piece of work, and put back when lost', () => {
  let stack: Stack;
  let erx: Queue;
  let fulfillment: Queue;

  beforeAll(async () => {
    stack = await startStack({}, { worker: false });
    erx = stack.api.get<Queue>(getQueueToken('erx-submission'));
    fulfillment = stack.api.get<Queue>(getQueueToken('fulfillment'));
  });

  afterAll(() => stack.close());

  const approve = async (orderUuid: string) => {
    const [request] = await pendingRequestsOf(stack, orderUuid, 1);
    const response = await stack.http
      .post(`/api/prescription-requests/${request.id}/approve`)
      .auth(await stack.token('providerCa'), { type: 'bearer' })
      .send({ sig: 'Once daily.', refills: 0 })
      .expect(201);
    return { request, prescriptionId: response.body.prescription.id as string };
  };

  const jobsFor = async (queue: Queue, id: string) =>
    (await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).filter((job) =>
      JSON.stringify(job.data).includes(id),
    );

  /**
   * What a crash between the enqueue and the publication's completion leaves behind: the
   * publication pending again, so the relay runs the enqueue subscriber a second time.
   */
  const redeliver = async (subscriber: string, payloadField: string, id: string) => {
    const db = stack.api.get(DataSource);
    const [, reopened] = await db.query(
      `update event_publications set status = 'pending', next_attempt_at = now(), claim_token = null
       where subscriber = $1 and event->'payload'->>$2 = $3 and status = 'completed'`,
      [subscriber, payloadField, id],
    );
    expect(reopened).toBe(1);
    await waitFor(`${subscriber} to run again for ${id}`, async () => {
      const [{ status }] = await db.query(
        `select status from event_publications where subscriber = $1 and event->'payload'->>$2 = $3`,
        [subscriber, payloadField, id],
      );
      return status === 'completed';
    });
  };

  it('an approval delivered again, while its job is still live, adds no second eRx job', async () => {
    const order = await placeOrder(stack, [RX_A]);
    const { prescriptionId } = await approve(order.uuid);
    await waitFor('the eRx job', async () => (await jobsFor(erx, prescriptionId)).length === 1);

    await redeliver(
      'ehr.enqueue-erx-submission-when-request-approved',
      'prescriptionId',
      prescriptionId,
    );
    await redeliver(
      'ehr.enqueue-erx-submission-when-request-approved',
      'prescriptionId',
      prescriptionId,
    );

    const jobs = await jobsFor(erx, prescriptionId);
    expect(jobs.map((job) => job.id)).toEqual([`erx-${prescriptionId}`]);
    expect(await jobs[0].getState()).toBe('waiting');
  });

  it('a ready order delivered again, while its job is still live, adds no second job', async () => {
    const order = await placeOrder(stack, [OTC]);
    await waitFor(
      'the fulfillment job',
      async () => (await jobsFor(fulfillment, order.uuid)).length === 1,
    );

    await redeliver('orders.enqueue-fulfillment-when-order-ready', 'orderUuid', order.uuid);
    await redeliver('orders.enqueue-fulfillment-when-order-ready', 'orderUuid', order.uuid);

    const jobs = await jobsFor(fulfillment, order.uuid);
    expect(jobs.map((job) => job.id)).toEqual([`fulfill-${order.uuid}`]);
  });

  it('the reconciler puts back a job that Redis lost, once, and reports it', async () => {
    const order = await placeOrder(stack, [RX_A, OTC]);
    const { prescriptionId } = await approve(order.uuid);
    await waitForOrderStatus(stack, order.uuid, 'ready_for_fulfillment');
    await waitFor(
      'both jobs',
      async () =>
        (await jobsFor(erx, prescriptionId)).length === 1 &&
        (await jobsFor(fulfillment, order.uuid)).length === 1,
    );
    // The acknowledged adds are lost (Redis with AOF everysec, failed over).
    await erx.remove(`erx-${prescriptionId}`);
    await fulfillment.remove(`fulfill-${order.uuid}`);

    const reconciler = stack.api.get(Reconciler);
    const before = reconciler.report().repaired;
    const sweeps = await Promise.all([reconciler.sweepOnce(0), reconciler.sweepOnce(0)]);
    const outcomesFor = (name: string, id: string) =>
      sweeps.flatMap((sweep) =>
        sweep[name].filter((repair) => repair.id === id).map((r) => r.outcome),
      );
    // Both sweeps saw each item; exactly one put it back, the other found it in flight or busy.
    expect(
      outcomesFor('ehr.erx-submissions', prescriptionId).filter((o) => o === 'requeued'),
    ).toHaveLength(1);
    expect(
      outcomesFor('orders.fulfillments', order.uuid).filter((o) => o === 'requeued'),
    ).toHaveLength(1);

    expect((await jobsFor(erx, prescriptionId)).map((job) => job.id)).toEqual([
      `erx-${prescriptionId}`,
    ]);
    expect((await jobsFor(fulfillment, order.uuid)).map((job) => job.id)).toEqual([
      `fulfill-${order.uuid}`,
    ]);
    const after = reconciler.report().repaired;
    expect(after['ehr.erx-submissions'].requeued).toBeGreaterThan(
      before['ehr.erx-submissions'].requeued,
    );
    expect(after['orders.fulfillments'].requeued).toBeGreaterThan(
      before['orders.fulfillments'].requeued,
    );

    // A further sweep finds both in flight and repairs nothing.
    const again = await reconciler.sweepOnce(0);
    expect(again['ehr.erx-submissions']).toContainEqual({
      id: prescriptionId,
      outcome: 'in-flight',
    });
    expect(again['orders.fulfillments']).toContainEqual({ id: order.uuid, outcome: 'in-flight' });

    const health = await stack.http.get('/api/health/ready').expect(200);
    expect(health.body.details.reconciler.repaired['orders.fulfillments'].requeued).toBe(
      after['orders.fulfillments'].requeued,
    );
    const metric = await stack.api
      .get(PlatformMetrics)
      .reconcilerRepairs.get()
      .then(({ values }) =>
        values.find(
          ({ labels }) => labels.sweep === 'orders.fulfillments' && labels.outcome === 'requeued',
        ),
      );
    expect(metric?.value).toBe(after['orders.fulfillments'].requeued);
  });

  it('the reconciler skips, at once, an item whose row another process holds', async () => {
    const order = await placeOrder(stack, [OTC]);
    await waitFor(
      'the fulfillment job',
      async () => (await jobsFor(fulfillment, order.uuid)).length === 1,
    );
    await fulfillment.remove(`fulfill-${order.uuid}`);

    // Another process's sweep is repairing this order: it holds the row lock.
    const other = stack.api.get(DataSource).createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      await other.query(`select uuid from orders where uuid = $1 for update`, [order.uuid]);
      const sweep = await stack.api.get(Reconciler).sweepOnce(0);
      expect(sweep['orders.fulfillments']).toContainEqual({ id: order.uuid, outcome: 'skipped' });
      expect(await jobsFor(fulfillment, order.uuid)).toEqual([]);
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
    const next = await stack.api.get(Reconciler).sweepOnce(0);
    expect(next['orders.fulfillments']).toContainEqual({ id: order.uuid, outcome: 'requeued' });
  });

  it('the reconciler leaves work alone until it is overdue', async () => {
    const order = await placeOrder(stack, [OTC]);
    await waitFor(
      'the fulfillment job',
      async () => (await jobsFor(fulfillment, order.uuid)).length === 1,
    );
    await fulfillment.remove(`fulfill-${order.uuid}`);

    const early = await stack.api.get(Reconciler).sweepOnce(60_000);
    expect(early['orders.fulfillments'].map((repair) => repair.id)).not.toContain(order.uuid);
    expect(await jobsFor(fulfillment, order.uuid)).toEqual([]);
    await stack.api.get(Reconciler).sweepOnce(0);
    expect(await jobsFor(fulfillment, order.uuid)).toHaveLength(1);
  });

  it('the reconciler records the failure of a job that failed while no one could record it', async () => {
    await fulfillment.drain(true); // this suite's earlier jobs: this one must be the next job
    const order = await placeOrder(stack, [OTC]);
    await waitFor(
      'the fulfillment job',
      async () => (await jobsFor(fulfillment, order.uuid)).length === 1,
    );
    // A worker takes the job and fails it for good, then dies before recording it.
    const worker = new Worker('fulfillment', null, {
      ...useQueueBackend(
        {
          QUEUE_BACKEND: testEnv.queueBackend,
          REDIS_URL: testEnv.redisUrl,
          DATABASE_URL: testEnv.databaseUrl,
        },
        'worker',
      ),
      autorun: false,
    });
    try {
      const job = await worker.getNextJob('dying-worker');
      expect(job?.id).toBe(`fulfill-${order.uuid}`);
      await job!.moveToFailed(new UnrecoverableError('pharmacy refused: 422'), 'dying-worker');
    } finally {
      await worker.close();
    }
    expect((await getOrder(stack, order.uuid)).status).toBe('ready_for_fulfillment');

    const sweep = await stack.api.get(Reconciler).sweepOnce(0);
    expect(sweep['orders.fulfillments']).toContainEqual({
      id: order.uuid,
      outcome: 'recorded-failure',
    });
    const failed = await getOrder(stack, order.uuid);
    expect(failed.status).toBe('fulfillment_failed');
    const admin = await stack.http
      .get('/api/admin/orders?status=fulfillment_failed')
      .auth(await stack.token('admin'), { type: 'bearer' })
      .expect(200);
    expect(admin.body.find((o: { uuid: string }) => o.uuid === order.uuid).failureDetail).toContain(
      'pharmacy refused: 422',
    );
  });
});
