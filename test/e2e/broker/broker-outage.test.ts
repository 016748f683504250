import { BrokerConnection, Subscriptions } from '@pharmacy/platform';
import { DataSource } from 'typeorm';
import { brokerEnv, forgetNamespace, uniqueNamespace } from '../../support/broker';
import { OTC, RX_A, pendingRequestsOf, placeOrder } from '../../support/flow';
import { startStack, Stack } from '../../support/stack';
import { TcpProxy } from '../../support/tcp-proxy';
import { waitFor } from '../../support/wait-for';
import { describeWithBroker } from '../../support/needs';

const ORDERS = 6;

/**
 * RabbitMQ goes away while providers approve. The approvals commit and answer at once; their
 * events stay owed to the broker in the registry; when it returns, every event is delivered, and
 * every effect (order item approved, prescription transmitted, order shipped) happens once.
 */
describeWithBroker('A broker outage during approvals', () => {
  const namespace = uniqueNamespace();
  let proxy: TcpProxy;
  let stack: Stack;

  beforeAll(async () => {
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: 5672 });
    stack = await startStack(brokerEnv(namespace, `amqp://guest:guest@127.0.0.1:${proxy.port}`));
    for (const app of [stack.api, stack.worker!]) {
      await waitFor('the broker connection', () => app.get(BrokerConnection).current);
    }
  });

  afterAll(async () => {
    await proxy.restore();
    const subscribers = stack.api
      .get(Subscriptions)
      .all()
      .map((s) => s.subscriber);
    await forgetNamespace(namespace, stack.api.get(DataSource), subscribers);
    await stack.close();
    await proxy.cut();
  });

  it('answers every approval promptly, and delivers every event once when the broker is back', async () => {
    const orders = await Promise.all(
      Array.from({ length: ORDERS }, () => placeOrder(stack, [RX_A, OTC])),
    );
    const requests = (
      await Promise.all(orders.map((order) => pendingRequestsOf(stack, order.uuid, 1)))
    ).flat();
    const provider = await stack.token('providerCa');

    await proxy.cut();
    let slowestMs = 0;
    for (const request of requests) {
      const started = Date.now();
      const response = await stack.http
        .post(`/api/prescription-requests/${request.id}/approve`)
        .auth(provider, { type: 'bearer' })
        .send({ sig: 'Once daily.', refills: 0 });
      slowestMs = Math.max(slowestMs, Date.now() - started);
      expect(response.status).toBe(201);
    }
    // A hang would be a publish waiting on the broker; a generous bound tells the two apart.
    expect(slowestMs).toBeLessThan(3000);

    const db = stack.api.get(DataSource);
    const [{ owed }] = await db.query(
      `select count(*)::int as owed from event_publications
       where subscriber = $1 and status = 'pending' and event_type = 'ehr.prescription-request-approved'`,
      [`broker:${namespace}`],
    );
    expect(owed).toBe(ORDERS);
    const uuids = orders.map((order) => order.uuid);
    const [{ reviewed }] = await db.query(
      `select count(*)::int as reviewed from orders where uuid = any($1) and status <> 'pending_clinical_review'`,
      [uuids],
    );
    expect(reviewed).toBe(0);

    await proxy.restore();
    await waitFor(
      'every order to ship',
      async () => {
        const [{ shipped }] = await db.query(
          `select count(*)::int as shipped from orders where uuid = any($1) and status = 'fulfilled'`,
          [uuids],
        );
        return shipped === ORDERS;
      },
      { timeoutMs: 30_000 },
    );
    const stats = stack.partners.stats();
    for (const uuid of uuids)
      expect(stats.shipments.byKey[uuid]).toEqual({ attempts: 1, created: 1 });
    await waitFor('one shipping notice per order', async () => {
      const [{ count }] = await db.query(
        `select count(*)::int as count from notifications where order_uuid = any($1)`,
        [uuids],
      );
      return count === ORDERS;
    });
    // Later events of the flow (a prescription transmitted) may still be on their way out.
    await waitFor('every publication handed to the broker', async () => {
      const [{ pending }] = await db.query(
        `select count(*)::int as pending from event_publications where subscriber = $1 and status <> 'completed'`,
        [`broker:${namespace}`],
      );
      return pending === 0;
    });
  });
});
