import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { OTC, RX_A, pendingRequestsOf, placeOrder, waitForOrderStatus } from '../support/flow';
import { startStack, Stack } from '../support/stack';
import { waitFor } from '../support/wait-for';
import { describeEachQueueBackend } from '../support/needs';

const JOB_ATTEMPTS = 4; // what startStack configures

describeEachQueueBackend('Partner failures', (backend) => {
  let stack: Stack;
  let provider: string;

  beforeAll(async () => {
    stack = await startStack({ QUEUE_BACKEND: backend });
    provider = await stack.token('providerCa');
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

  const prescriptionOnceSettled = (id: string) =>
    waitFor(`prescription ${id} to settle`, async () => {
      const { body } = await stack.http
        .get(`/api/prescriptions/${id}`)
        .auth(provider, { type: 'bearer' })
        .expect(200);
      return body.status === 'pending_transmission' ? undefined : body;
    });

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

  it('does not retry a 4xx: the prescription fails at once and the shipment job fails', async () => {
    const order = await placeOrder(stack, [RX_A, OTC]);
    stack.partners.setFaults({ rejectRate: 1 });
    const prescriptionId = await approveOnlyRequest(order.uuid);

    const prescription = await prescriptionOnceSettled(prescriptionId);
    expect(prescription.status).toBe('transmission_failed');
    expect(prescription.failureReason).toContain('422');

    const queue = stack.worker!.get<Queue>(getQueueToken('fulfillment'));
    const job = await waitFor('the fulfillment job to fail', async () => {
      const found = await queue.getJob(`fulfill-${order.uuid}`);
      return (await found?.getState()) === 'failed' ? found : undefined;
    });
    expect(job?.attemptsMade).toBe(1);
    const stats = stack.partners.stats();
    expect(stats.prescriptions.byKey[prescriptionId].attempts).toBe(1);
    expect(stats.shipments.byKey[order.uuid]).toEqual({ attempts: 1, created: 0 });
    await waitForOrderStatus(stack, order.uuid, 'ready_for_fulfillment');
  });

  it('marks the prescription transmission_failed once the retries are exhausted', async () => {
    stack.partners.setFaults({ failFirst: JOB_ATTEMPTS + 5 });
    const order = await placeOrder(stack, [RX_A]);
    const prescriptionId = await approveOnlyRequest(order.uuid);

    const prescription = await prescriptionOnceSettled(prescriptionId);
    expect(prescription.status).toBe('transmission_failed');
    expect(stack.partners.stats().prescriptions.byKey[prescriptionId]).toEqual({
      attempts: JOB_ATTEMPTS,
      created: 0,
    });
  });
});
