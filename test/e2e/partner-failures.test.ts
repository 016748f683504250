import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { OTC, RX_A, pendingRequestsOf, placeOrder, waitForOrderStatus } from '../support/flow';
import { startStack, Stack } from '../support/stack';
import { waitFor } from '../support/wait-for';
import { describeEachQueueBackend } from '../support/needs';

/**
 * Job retries here: 30 attempts, 20 ms doubling up to 150 ms, a horizon of about 3 s. The old
 * policy (4 attempts, uncapped doubling from 20 ms) gave up after about 140 ms: the outage below
 * outlasts it many times over.
 */
const JOB_ATTEMPTS = 30;
const OUTAGE_MS = 1500;

describeEachQueueBackend('Partner failures', (backend) => {
  let stack: Stack;
  let provider: string;
  let admin: string;

  beforeAll(async () => {
    stack = await startStack({
      QUEUE_BACKEND: backend,
      JOB_ATTEMPTS: String(JOB_ATTEMPTS),
      JOB_BACKOFF_MS: '20',
      JOB_MAX_BACKOFF_MS: '150',
    });
    provider = await stack.token('providerCa');
    admin = await stack.token('admin');
  });

  afterEach(() => stack.partners.reset());
  afterAll(() => stack.close());

  const approveOnlyRequest = async (orderUuid: string): Promise<string> => {
    const [request] = await pendingRequestsOf(stack, orderUuid, 1);
    const response = await stack.http
      .post(`/api/prescription-requests/${request.id}/approve`)
      .auth(provider, { type: 'bearer' })
      .send({ sig: 'Once daily.', refills: 0 })
      .expect(201);
    return response.body.prescription.id;
  };

  const prescription = async (id: string) =>
    (
      await stack.http
        .get(`/api/prescriptions/${id}`)
        .auth(provider, { type: 'bearer' })
        .expect(200)
    ).body;

  const prescriptionOnceSettled = (id: string) =>
    waitFor(`prescription ${id} to settle`, async () => {
      const body = await prescription(id);
      return body.status === 'pending_transmission' ? undefined : body;
    });

  const auditedStatuses = async (entity: string, id: string) => {
    const rows: { new_value: string }[] = await stack.api.get(DataSource).query(
      `select new_value from audit_log where entity = $1 and entity_id = $2 and field = 'status'
         order by id`,
      [entity, id],
    );
    return rows.map((row) => row.new_value);
  };

  it('retries 503s until both partners succeed, and neither applies the effect twice', async () => {
    stack.partners.setFaults({ failFirst: 2 });
    const order = await placeOrder(stack, [RX_A, OTC]);
    const prescriptionId = await approveOnlyRequest(order.uuid);

    await waitForOrderStatus(stack, order.uuid, 'fulfilled');
    expect((await prescriptionOnceSettled(prescriptionId)).status).toBe('transmitted');
    const stats = stack.partners.stats();
    expect(stats.prescriptions.byKey[prescriptionId]).toEqual({ attempts: 3, created: 1 });
    expect(stats.shipments.byKey[order.uuid]).toEqual({ attempts: 3, created: 1 });
  });

  it('retries a partner that does not answer in time', async () => {
    stack.partners.setFaults({ latencyMs: 1500 }); // above the 1000 ms partner timeout
    const order = await placeOrder(stack, [OTC]);
    await waitFor('the first shipment attempt', () =>
      stack.partners.stats().shipments.requests >= 1 ? true : undefined,
    );
    stack.partners.setFaults({});

    const fulfilled = await waitForOrderStatus(stack, order.uuid, 'fulfilled');
    expect(fulfilled.trackingNumber).toMatch(/^TRK-/);
    expect(stack.partners.stats().shipments.byKey[order.uuid].created).toBe(1);
  });

  it('outlasts an outage of both partners far longer than the old retry window', async () => {
    stack.partners.setFaults({ failRate: 1 });
    const orders = await Promise.all([1, 2, 3].map(() => placeOrder(stack, [RX_A])));
    const prescriptionIds: string[] = [];
    for (const order of orders) prescriptionIds.push(await approveOnlyRequest(order.uuid));
    const outageStarted = Date.now();
    await waitFor('every prescription to have been refused at least twice', () =>
      prescriptionIds.every((id) => stack.partners.stats().prescriptions.byKey[id]?.attempts >= 2),
    );
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - (Date.now() - outageStarted)));
    stack.partners.setFaults({});

    for (const order of orders) await waitForOrderStatus(stack, order.uuid, 'fulfilled');
    // An order ships once reviewed, not once transmitted: each prescription settles on its own.
    for (const id of prescriptionIds) {
      expect((await prescriptionOnceSettled(id)).status).toBe('transmitted');
    }
    const stats = stack.partners.stats();
    for (const id of prescriptionIds) {
      expect(stats.prescriptions.byKey[id].created).toBe(1);
    }
    for (const order of orders) expect(stats.shipments.byKey[order.uuid].created).toBe(1);
  });

  it('retries a 409 "request with this key in progress" until the partner completes it', async () => {
    stack.partners.setFaults({ failFirst: 3, failStatus: 409 });
    const order = await placeOrder(stack, [RX_A]);
    const prescriptionId = await approveOnlyRequest(order.uuid);

    expect((await prescriptionOnceSettled(prescriptionId)).status).toBe('transmitted');
    await waitForOrderStatus(stack, order.uuid, 'fulfilled');
    const stats = stack.partners.stats();
    expect(stats.prescriptions.byKey[prescriptionId]).toEqual({ attempts: 4, created: 1 });
    expect(stats.shipments.byKey[order.uuid]).toEqual({ attempts: 4, created: 1 });
  });

  it("waits as long as a 429's Retry-After asks before trying again", async () => {
    stack.partners.setFaults({ failFirst: 1, failStatus: 429, retryAfterSeconds: 1 });
    const order = await placeOrder(stack, [OTC]);
    await waitFor('the first shipment attempt', () =>
      stack.partners.stats().shipments.byKey[order.uuid] ? true : undefined,
    );
    const refusedAt = Date.now();

    await waitForOrderStatus(stack, order.uuid, 'fulfilled');
    // The backoff alone would have retried within 20 ms.
    expect(Date.now() - refusedAt).toBeGreaterThanOrEqual(900);
    expect(stack.partners.stats().shipments.byKey[order.uuid]).toEqual({ attempts: 2, created: 1 });
  });

  it('keeps retrying a partner that refuses our credentials (401), instead of failing', async () => {
    stack.partners.setFaults({ failFirst: 2, failStatus: 401 });
    const order = await placeOrder(stack, [OTC]);

    await waitForOrderStatus(stack, order.uuid, 'fulfilled');
    expect(stack.partners.stats().shipments.byKey[order.uuid]).toEqual({ attempts: 3, created: 1 });
  });

  it('fails a 4xx at once with a generic reason; an admin retry then succeeds, once', async () => {
    const order = await placeOrder(stack, [RX_A, OTC]);
    stack.partners.setFaults({ rejectRate: 1 });
    const prescriptionId = await approveOnlyRequest(order.uuid);

    const failed = await prescriptionOnceSettled(prescriptionId);
    expect(failed.status).toBe('transmission_failed');
    expect(failed.failureReason).not.toContain('422'); // the partner's words stay with operators
    const failedOrder = await waitForOrderStatus(stack, order.uuid, 'fulfillment_failed');
    expect(failedOrder.failureReason).toMatch(/could not be handed to the pharmacy/);
    const stats = stack.partners.stats();
    expect(stats.prescriptions.byKey[prescriptionId].attempts).toBe(1);
    expect(stats.shipments.byKey[order.uuid]).toEqual({ attempts: 1, created: 0 });

    const adminPrescriptions = await stack.http
      .get('/api/admin/prescriptions?status=transmission_failed')
      .auth(admin, { type: 'bearer' })
      .expect(200);
    const listed = adminPrescriptions.body.find((p: { id: string }) => p.id === prescriptionId);
    expect(listed.failureDetail).toContain('422');
    const adminOrders = await stack.http
      .get('/api/admin/orders?status=fulfillment_failed')
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(
      adminOrders.body.find((o: { uuid: string }) => o.uuid === order.uuid).failureDetail,
    ).toContain('422');

    stack.partners.setFaults({});
    const retries = await Promise.all(
      [1, 2].flatMap(() => [
        stack.http
          .post(`/api/admin/prescriptions/${prescriptionId}/retry`)
          .auth(admin, { type: 'bearer' }),
        stack.http.post(`/api/admin/orders/${order.uuid}/retry`).auth(admin, { type: 'bearer' }),
      ]),
    );
    for (const retry of retries) expect(retry.status).toBe(200);
    const retried = retries.map((retry) => retry.body.retried);
    expect(retried.filter(Boolean)).toHaveLength(2); // each recovery happened once

    await waitForOrderStatus(stack, order.uuid, 'fulfilled');
    expect((await prescriptionOnceSettled(prescriptionId)).status).toBe('transmitted');
    const after = stack.partners.stats();
    expect(after.prescriptions.byKey[prescriptionId].created).toBe(1);
    expect(after.shipments.byKey[order.uuid].created).toBe(1);
    expect(await auditedStatuses('prescriptions', prescriptionId)).toEqual([
      'pending_transmission',
      'transmission_failed',
      'pending_transmission',
      'transmitted',
    ]);
    expect(await auditedStatuses('orders', order.uuid)).toEqual([
      'pending_clinical_review',
      'ready_for_fulfillment',
      'fulfillment_failed',
      'ready_for_fulfillment',
      'fulfilled',
    ]);

    const again = await stack.http
      .post(`/api/admin/orders/${order.uuid}/retry`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(again.body).toEqual({
      id: order.uuid,
      status: 'fulfilled',
      retried: false,
      job: 'none',
    });
  });

  it('answers 404 for an unknown prescription or order, and refuses non-admins', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await stack.http
      .post(`/api/admin/prescriptions/${unknown}/retry`)
      .auth(admin, { type: 'bearer' })
      .expect(404);
    await stack.http
      .post(`/api/admin/orders/${unknown}/retry`)
      .auth(admin, { type: 'bearer' })
      .expect(404);
    await stack.http
      .post(`/api/admin/orders/${unknown}/retry`)
      .auth(provider, { type: 'bearer' })
      .expect(403);
  });

  it('marks the prescription transmission_failed once the retries are exhausted', async () => {
    stack.partners.setFaults({ failFirst: JOB_ATTEMPTS + 5 });
    const order = await placeOrder(stack, [RX_A]);
    const prescriptionId = await approveOnlyRequest(order.uuid);

    const failed = await prescriptionOnceSettled(prescriptionId);
    expect(failed.status).toBe('transmission_failed');
    expect(stack.partners.stats().prescriptions.byKey[prescriptionId]).toEqual({
      attempts: JOB_ATTEMPTS,
      created: 0,
    });
    const queue = stack.worker!.get<Queue>(getQueueToken('erx-submission'));
    expect((await queue.getJob(`erx-${prescriptionId}`))?.attemptsMade).toBe(JOB_ATTEMPTS);
  });
});
