import {
  OTC,
  RX_A,
  RX_B,
  pendingRequestsOf,
  placeOrder,
  waitForOrderStatus,
} from '../support/flow';
import { startStack, Stack } from '../support/stack';

describe('Rejected prescription items', () => {
  let stack: Stack;
  let provider: string;

  beforeAll(async () => {
    stack = await startStack();
    provider = await stack.token('providerCa');
  });

  afterAll(() => stack.close());

  const reject = (requestId: string) =>
    stack.http
      .post(`/api/prescription-requests/${requestId}/reject`)
      .auth(provider, { type: 'bearer' })
      .send({ reason: 'Interacts with a current medication.' })
      .expect(200);

  const approve = (requestId: string) =>
    stack.http
      .post(`/api/prescription-requests/${requestId}/approve`)
      .auth(provider, { type: 'bearer' })
      .send({ sig: 'Once daily.', refills: 0 })
      .expect(201);

  it('ships the approved and over-the-counter items when one item is rejected', async () => {
    const order = await placeOrder(stack, [RX_A, RX_B, OTC]);
    const [first, second] = await pendingRequestsOf(stack, order.uuid, 2);

    const rejection = await reject(first.id);
    expect(rejection.body).toEqual({
      request: { id: first.id, status: 'rejected', reason: 'Interacts with a current medication.' },
    });
    await approve(second.id);

    const fulfilled = await waitForOrderStatus(stack, order.uuid, 'fulfilled');
    expect(fulfilled.items.map((item) => item.status)).toEqual([
      'rejected',
      'clinically_approved',
      'not_required',
    ]);
    expect(stack.partners.stats().shipments.byKey[order.uuid]).toEqual({ attempts: 1, created: 1 });
  });

  it('cancels the order, and ships nothing, when every item is rejected', async () => {
    const order = await placeOrder(stack, [RX_A, RX_B]);
    const requests = await pendingRequestsOf(stack, order.uuid, 2);
    for (const request of requests) await reject(request.id);

    const cancelled = await waitForOrderStatus(stack, order.uuid, 'cancelled');
    expect(cancelled.items.map((item) => item.status)).toEqual(['rejected', 'rejected']);
    expect(cancelled.trackingNumber).toBeNull();
    expect(stack.partners.stats().shipments.byKey[order.uuid]).toBeUndefined();
  });
});
