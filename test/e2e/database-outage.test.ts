import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { OTC, RX_A, pendingRequestsOf, placeOrder, waitForOrderStatus } from '../support/flow';
import { startStackBehindProxy, StackBehindProxy } from '../support/stack-behind-proxy';
import { waitFor } from '../support/wait-for';
import { describeWithRedis } from '../support/needs';

/** How long PostgreSQL stays cut: many job retries' worth (backoff 20 ms, capped at 200 ms). */
const OUTAGE_MS = 2500;

/**
 * PostgreSQL is cut off from the API and the worker (connections reset, new ones refused) right
 * after an approval, while its jobs are about to run. Requests answer 503 with Retry-After, never
 * 500; the jobs wait without using up their partner attempts; once PostgreSQL returns, the flow
 * completes with exactly one effect at each partner.
 */
// With jobs on Redis: on BullMQ's PostgreSQL backend the jobs themselves are cut off with the
// database, a different outage that this test does not cover.

describeWithRedis('A PostgreSQL outage', () => {
  let stack: StackBehindProxy;

  beforeAll(async () => {
    stack = await startStackBehindProxy('DATABASE_URL', {
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      QUEUE_BACKEND: 'redis',
      // Two attempts: if the outage used up partner attempts, the jobs would fail for good.
      JOB_ATTEMPTS: '2',
    });
  });

  afterAll(() => stack.close());

  it('answers 503 with Retry-After while it is gone, then recovers, losing and doubling nothing', async () => {
    const patient = await stack.token('patient1');
    const provider = await stack.token('providerCa');
    const order = await placeOrder(stack, [RX_A, OTC]);
    const [request] = await pendingRequestsOf(stack, order.uuid, 1);
    // The partners answer slowly, so the jobs are mid-call when PostgreSQL goes.
    stack.partners.setFaults({ latencyMs: 400 });
    const approved = await stack.http
      .post(`/api/prescription-requests/${request.id}/approve`)
      .auth(provider, { type: 'bearer' })
      .send({ sig: 'Once daily.', refills: 0 })
      .expect(201);
    const prescriptionId: string = approved.body.prescription.id;

    // Active, it is either at the partner for 400 ms or about to call it: it cannot finish
    // before the cut. (The partner counts a request only once it answers, too late to wait on.)
    const erx = stack.worker!.get<Queue>(getQueueToken('erx-submission'));
    await waitFor('the eRx job to run', async () =>
      (await (await erx.getJob(`erx-${prescriptionId}`))?.getState()) === 'active'
        ? true
        : undefined,
    );
    await stack.proxy.cut();
    const cutAt = Date.now();
    const answers = [];
    for (const send of [
      () => stack.http.get(`/api/orders/${order.uuid}`).auth(patient, { type: 'bearer' }),
      () =>
        stack.http
          .post('/api/orders')
          .auth(patient, { type: 'bearer' })
          .send({ items: [{ productId: OTC, quantity: 1 }], fulfillmentState: 'CA' }),
    ]) {
      const started = Date.now();
      const response = await send();
      answers.push({ status: response.status, ms: Date.now() - started, response });
    }
    for (const { status, ms, response } of answers) {
      expect(status).toBe(503);
      expect(response.headers['retry-after']).toBe('1');
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(ms).toBeLessThan(3000); // within the connect deadline, not hanging
    }
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - (Date.now() - cutAt)));
    await stack.proxy.restore();
    stack.partners.setFaults({});

    await waitFor('the API to answer again', async () => {
      const response = await stack.http
        .get(`/api/orders/${order.uuid}`)
        .auth(patient, { type: 'bearer' });
      return response.status === 200;
    });
    await waitForOrderStatus(stack, order.uuid, 'fulfilled');
    await waitFor('the prescription to be transmitted', async () => {
      const [row] = await stack.api
        .get(DataSource)
        .query('select status from prescriptions where id = $1', [prescriptionId]);
      return row.status === 'transmitted';
    });
    // The jobs met the outage and still had their partner attempts: none was used by it.
    // An attempt whose commit answer the outage swallowed is put back and runs again, a no-op.
    const job = await waitFor('the eRx job to complete', async () => {
      const current = await erx.getJob(`erx-${prescriptionId}`);
      return (await current?.getState()) === 'completed' ? current : undefined;
    });
    expect(job.attemptsStarted).toBeGreaterThan(1);
    const stats = stack.partners.stats();
    expect(stats.prescriptions.byKey[prescriptionId].created).toBe(1);
    expect(stats.shipments.byKey[order.uuid].created).toBe(1);
  });
});
