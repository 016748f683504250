import { OrderFulfilledEvent } from '@pharmacy/contracts';
import { DEMO_USERS } from '@pharmacy/identity';
import { EventBus } from '@pharmacy/platform';
import { Scenario } from '@pharmacy/platform/testing';
import { DataSource } from 'typeorm';
import {
  OTC,
  RX_A,
  RX_B,
  pendingRequestsOf,
  placeOrder,
  waitForOrderStatus,
} from '../support/flow';
import { DemoUser, startStack, Stack } from '../support/stack';
import { waitFor } from '../support/wait-for';

interface NotificationView {
  id: string;
  kind: 'order_shipped' | 'order_cancelled';
  orderUuid: string;
  message: string;
  createdAt: string;
}

describe('Notifications: a third module that only reacts to Orders events', () => {
  let stack: Stack;
  let shippedOrder: string;
  let cancelledOrder: string;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(() => stack.close());

  const notificationsOf = async (user: DemoUser): Promise<NotificationView[]> => {
    const response = await stack.http
      .get('/api/notifications')
      .auth(await stack.token(user), { type: 'bearer' })
      .expect(200);
    return response.body;
  };

  const ofOrder = (orderUuid: string) => async () =>
    (await notificationsOf('patient1')).filter((n) => n.orderUuid === orderUuid);

  it('tells the patient once when the order ships, with the tracking number', async () => {
    const placing = Scenario.of([stack.api, stack.worker]).stimulate(() =>
      placeOrder(stack, [OTC]),
    );
    const shipped = await placing
      .andWaitForEventOfType(OrderFulfilledEvent)
      .matching((event, order) => event.payload.orderUuid === order.uuid)
      .toArrive();
    const { trackingNumber } = shipped.payload;
    const order = await placing.result();
    shippedOrder = order.uuid;

    const found = await placing
      .andWaitForStateChange(ofOrder(order.uuid), (mine) => mine.length > 0)
      .andVerify();
    expect(found).toHaveLength(1);
    const [notification] = found;
    expect(notification).toEqual({
      id: expect.any(String),
      kind: 'order_shipped',
      orderUuid: order.uuid,
      message: expect.stringContaining(`Tracking number: ${trackingNumber}`),
      createdAt: expect.any(String),
    });

    // A second OrderFulfilledEvent for the same order (a new event id, so the registry delivers
    // it again) still leaves one notification: the insert is idempotent on (order, kind).
    const duplicate = new OrderFulfilledEvent({
      orderUuid: order.uuid,
      patientId: DEMO_USERS.patient1.id,
      trackingNumber: trackingNumber!,
    });
    await stack.api.get(EventBus).publish(duplicate);
    await waitFor('the duplicate event to be handled', async () => {
      const rows: { status: string }[] = await stack.api.get(DataSource).query(
        `select status from event_publications
            where event_id = $1 and subscriber = 'notifications.notify-patient-when-order-shipped'`,
        [duplicate.eventId],
      );
      return rows[0]?.status === 'completed';
    });
    expect(await ofOrder(order.uuid)()).toEqual([notification]);
  });

  it('tells the patient once when every item is rejected and the order is cancelled', async () => {
    const order = await placeOrder(stack, [RX_A, RX_B]);
    cancelledOrder = order.uuid;
    const provider = await stack.token('providerCa');
    for (const request of await pendingRequestsOf(stack, order.uuid, 2)) {
      await stack.http
        .post(`/api/prescription-requests/${request.id}/reject`)
        .auth(provider, { type: 'bearer' })
        .send({ reason: 'Interacts with a current medication.' })
        .expect(200);
    }
    await waitForOrderStatus(stack, order.uuid, 'cancelled');

    const found = await Scenario.of([stack.api])
      .stimulate(() => order.uuid)
      .andWaitForStateChange(
        (orderUuid) => ofOrder(orderUuid)(),
        (mine) => mine.length > 0,
      )
      .andVerify();
    expect(found).toEqual([
      expect.objectContaining({ kind: 'order_cancelled', orderUuid: order.uuid }),
    ]);
  });

  it("lists the patient's own notifications, newest first", async () => {
    const mine = await notificationsOf('patient1');
    const cancelled = mine.findIndex((n) => n.orderUuid === cancelledOrder);
    const shipped = mine.findIndex((n) => n.orderUuid === shippedOrder);
    expect(cancelled).toBeGreaterThanOrEqual(0);
    expect(shipped).toBeGreaterThan(cancelled);
  });

  it("does not show another patient's notifications", async () => {
    const theirs = await notificationsOf('patient2');
    expect(theirs.filter((n) => [shippedOrder, cancelledOrder].includes(n.orderUuid))).toEqual([]);
    expect(await notificationsOf('patient1')).toEqual(
      expect.arrayContaining([expect.objectContaining({ orderUuid: shippedOrder })]),
    );
  });

  it('refuses a provider with 403, and a caller without a token with 401', async () => {
    await stack.http
      .get('/api/notifications')
      .auth(await stack.token('providerCa'), { type: 'bearer' })
      .expect(403);
    await stack.http.get('/api/notifications').expect(401);
  });
});
