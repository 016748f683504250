import { OrderCancelledEvent, OrderFulfilledEvent } from '@pharmacy/contracts';
import { Scenario } from '@pharmacy/platform/testing';
import { OTC, RX_A, RX_B, getOrder, pendingRequestsOf, placeOrder } from '../support/flow';
import { startStack, Stack } from '../support/stack';

describe('Rejected prescription items', () => {
  let stack: Stack;
  let provider: string;
  let scenario: Scenario;

  beforeAll(async () => {
    stack = await startStack();
    provider = await stack.token('providerCa');
    scenario = Scenario.of([stack.api, stack.worker]).observe(
      OrderCancelledEvent,
      OrderFulfilledEvent,
    );
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

    const reviewing = scenario.stimulate(async () => {
      const rejection = await reject(first.id);
      await approve(second.id);
      return rejection.body;
    });
    await reviewing
      .andWaitForEventOfType(OrderFulfilledEvent)
      .matching((event) => event.payload.orderUuid === order.uuid, `for order ${order.uuid}`)
      .toArriveAndVerify((_event, rejection) =>
        expect(rejection).toEqual({
          request: {
            id: first.id,
            status: 'rejected',
            reason: 'Interacts with a current medication.',
          },
        }),
      );

    const fulfilled = await getOrder(stack, order.uuid);
    expect(fulfilled.status).toBe('fulfilled');
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
    const rejecting = scenario.stimulate(async () => {
      for (const request of requests) await reject(request.id);
    });
    const ofThisOrder = (event: OrderCancelledEvent | OrderFulfilledEvent) =>
      event.payload.orderUuid === order.uuid;
    await rejecting
      .andWaitForEventOfType(OrderCancelledEvent)
      .matching(ofThisOrder, `for order ${order.uuid}`)
      .toArrive();
    await rejecting
      .andWaitForEventOfType(OrderFulfilledEvent)
      .matching(ofThisOrder, `for order ${order.uuid}`)
      .toNotArriveWithin(1000);

    const cancelled = await getOrder(stack, order.uuid);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.items.map((item) => item.status)).toEqual(['rejected', 'rejected']);
    expect(cancelled.trackingNumber).toBeNull();
    expect(stack.partners.stats().shipments.byKey[order.uuid]).toBeUndefined();
  });
});
