import {
  EncounterOpenedEvent,
  OrderFulfilledEvent,
  OrderPlacedEvent,
  PrescriptionTransmittedEvent,
} from '@pharmacy/contracts';
import { Scenario, Subscriptions } from '@pharmacy/platform/testing';
import { APP_SUBSCRIBERS, brokerEnv, forgetAppNamespace, uniqueNamespace } from '../support/broker';
import {
  OTC,
  RX_A,
  RX_B,
  getOrder,
  pendingRequestsOf,
  placeOrder,
  waitForOrderStatus,
} from '../support/flow';
import { describeEachQueueBackend, describeWithBroker } from '../support/needs';
import { startStack, Stack } from '../support/stack';
import { waitFor } from '../support/wait-for';

describeEachQueueBackend('An order from placement to shipment, over HTTP', (backend) => {
  let stack: Stack;
  let scenario: Scenario;

  beforeAll(async () => {
    stack = await startStack({ QUEUE_BACKEND: backend });
    scenario = Scenario.of([stack.api, stack.worker]).observe(
      OrderPlacedEvent,
      EncounterOpenedEvent,
      OrderFulfilledEvent,
      PrescriptionTransmittedEvent,
    );
  });

  afterAll(() => stack.close());

  it('ships two approved prescription items and one over-the-counter item, and transmits both prescriptions', async () => {
    const placing = scenario.stimulate(() => placeOrder(stack, [RX_A, RX_B, OTC]));
    const encounter = await placing
      .andWaitForEventOfType(EncounterOpenedEvent)
      .matching((event, order) => event.payload.orderUuid === order.uuid)
      .toArrive();
    const order = await placing.result();
    expect(order.status).toBe('pending_clinical_review');
    expect(order.items.map((item) => item.status)).toEqual([
      'pending_review',
      'pending_review',
      'not_required',
    ]);
    expect(encounter.payload.prescriptionRequestIds).toHaveLength(2);

    const provider = await stack.token('providerCa');
    const approving = scenario.stimulate(async () => {
      const prescriptionIds: string[] = [];
      for (const requestId of encounter.payload.prescriptionRequestIds) {
        const approval = await stack.http
          .post(`/api/prescription-requests/${requestId}/approve`)
          .auth(provider, { type: 'bearer' })
          .send({ sig: 'Take one tablet daily.', refills: 2 })
          .expect(201);
        expect(approval.body).toEqual({
          request: { id: requestId, status: 'approved' },
          prescription: { id: expect.any(String), status: 'pending_transmission' },
        });
        prescriptionIds.push(approval.body.prescription.id);
      }
      return prescriptionIds;
    });

    const shipped = await approving
      .andWaitForEventOfType(OrderFulfilledEvent)
      .matching((event) => event.payload.orderUuid === order.uuid, `for order ${order.uuid}`)
      .toArriveAndVerify((event) => expect(event.payload.trackingNumber).toMatch(/^TRK-/));
    const fulfilled = await getOrder(stack, order.uuid);
    expect(fulfilled.status).toBe('fulfilled');
    expect(fulfilled.trackingNumber).toBe(shipped.payload.trackingNumber);
    expect(fulfilled.items.map((item) => item.status)).toEqual([
      'clinically_approved',
      'clinically_approved',
      'not_required',
    ]);

    const prescriptionIds = await approving.result();
    for (const id of prescriptionIds) {
      await approving
        .andWaitForEventOfType(PrescriptionTransmittedEvent)
        .matching((event) => event.payload.prescriptionId === id, `for prescription ${id}`)
        .toArriveAndVerify((event) => expect(event.payload.erxReference).toMatch(/^ERX-/));
      const response = await stack.http
        .get(`/api/prescriptions/${id}`)
        .auth(provider, { type: 'bearer' })
        .expect(200);
      expect(response.body.status).toBe('transmitted');
    }

    const stats = stack.partners.stats();
    expect(stats.shipments.byKey[order.uuid]).toEqual({ attempts: 1, created: 1 });
    for (const id of prescriptionIds)
      expect(stats.prescriptions.byKey[id]).toEqual({ attempts: 1, created: 1 });
  });

  it('ships an order without prescription items at once, with no encounter', async () => {
    const placing = scenario.stimulate(() => placeOrder(stack, [OTC]));
    await placing
      .andWaitForEventOfType(OrderFulfilledEvent)
      .matching((event, order) => event.payload.orderUuid === order.uuid)
      .toArriveAndVerify((event, order) => {
        expect(order.status).toBe('ready_for_fulfillment');
        expect(event.payload.trackingNumber).toMatch(/^TRK-/);
      });
    // Placed, it published its placement; no encounter was opened for it.
    await placing
      .andWaitForEventOfType(OrderPlacedEvent)
      .matching((event, order) => event.payload.orderUuid === order.uuid)
      .toArrive();
    await placing
      .andWaitForEventOfType(EncounterOpenedEvent)
      .matching((event, order) => event.payload.orderUuid === order.uuid)
      .toNotArriveWithin(500);
  });
});

// The same flow over RabbitMQ: a scenario's own subscriptions come after the broker has declared
// its queues, so this variant watches the state through the API instead.
describeWithBroker('An order from placement to shipment, over HTTP, through RabbitMQ', () => {
  let stack: Stack;
  const namespace = uniqueNamespace();

  beforeAll(async () => {
    stack = await startStack(brokerEnv(namespace));
  });

  afterAll(async () => {
    await forgetAppNamespace(namespace, stack.api);
    await stack.close();
  });

  it('registers the subscribers the broker tests clean up after', () => {
    const subscribers = stack.api
      .get(Subscriptions)
      .all()
      .map((s) => s.subscriber);
    expect([...subscribers].sort()).toEqual(APP_SUBSCRIBERS);
  });

  it('ships two approved prescription items and one over-the-counter item, and transmits both prescriptions', async () => {
    const order = await placeOrder(stack, [RX_A, RX_B, OTC]);
    expect(order.status).toBe('pending_clinical_review');
    expect(order.items.map((item) => item.status)).toEqual([
      'pending_review',
      'pending_review',
      'not_required',
    ]);

    const requests = await pendingRequestsOf(stack, order.uuid, 2);
    const provider = await stack.token('providerCa');
    const prescriptionIds: string[] = [];
    for (const request of requests) {
      const approval = await stack.http
        .post(`/api/prescription-requests/${request.id}/approve`)
        .auth(provider, { type: 'bearer' })
        .send({ sig: 'Take one tablet daily.', refills: 2 })
        .expect(201);
      expect(approval.body).toEqual({
        request: { id: request.id, status: 'approved' },
        prescription: { id: expect.any(String), status: 'pending_transmission' },
      });
      prescriptionIds.push(approval.body.prescription.id);
    }

    const fulfilled = await waitForOrderStatus(stack, order.uuid, 'fulfilled');
    expect(fulfilled.trackingNumber).toMatch(/^TRK-/);
    expect(fulfilled.items.map((item) => item.status)).toEqual([
      'clinically_approved',
      'clinically_approved',
      'not_required',
    ]);

    for (const id of prescriptionIds) {
      const prescription = await waitFor(`prescription ${id} transmitted`, async () => {
        const response = await stack.http
          .get(`/api/prescriptions/${id}`)
          .auth(provider, { type: 'bearer' })
          .expect(200);
        return response.body.status === 'transmitted' ? response.body : undefined;
      });
      expect(prescription.erxReference).toMatch(/^ERX-/);
    }

    const stats = stack.partners.stats();
    expect(stats.shipments.byKey[order.uuid]).toEqual({ attempts: 1, created: 1 });
    for (const id of prescriptionIds)
      expect(stats.prescriptions.byKey[id]).toEqual({ attempts: 1, created: 1 });
    expect((await getOrder(stack, order.uuid)).trackingNumber).toBe(fulfilled.trackingNumber);
  });

  it('ships an order without prescription items at once, with no encounter', async () => {
    const order = await placeOrder(stack, [OTC]);
    expect(order.status).toBe('ready_for_fulfillment');
    const fulfilled = await waitForOrderStatus(stack, order.uuid, 'fulfilled');
    expect(fulfilled.trackingNumber).toMatch(/^TRK-/);
  });
});
