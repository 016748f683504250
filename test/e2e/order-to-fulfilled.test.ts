import {
  OTC,
  RX_A,
  RX_B,
  getOrder,
  pendingRequestsOf,
  placeOrder,
  waitForOrderStatus,
} from '../support/flow';
import { Subscriptions } from '@pharmacy/platform';
import { APP_SUBSCRIBERS, brokerEnv, forgetNamespace, uniqueNamespace } from '../support/broker';
import { DataSource } from 'typeorm';
import { startStack, Stack } from '../support/stack';
import { waitFor } from '../support/wait-for';

// The same flow and the same assertions, in process (registry) and over RabbitMQ (broker).
describe.each(['registry', 'broker'])(
  'An order from placement to shipment, over HTTP (%s)',
  (backend) => {
    let stack: Stack;
    const namespace = uniqueNamespace();

    beforeAll(async () => {
      stack = await startStack(backend === 'broker' ? brokerEnv(namespace) : {});
    });

    afterAll(async () => {
      const subscribers = stack.api
        .get(Subscriptions)
        .all()
        .map((s) => s.subscriber);
      if (backend === 'broker')
        await forgetNamespace(namespace, stack.api.get(DataSource), subscribers);
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
  },
);
