import { BrokerConnection } from '@pharmacy/platform/testing';
import { DataSource } from 'typeorm';
import {
  approveEach,
  ordersAwaitingApproval,
  waitForEveryOrderShipped,
} from '../../support/approvals-during-outage';
import { brokerEnv, forgetAppNamespace, uniqueNamespace } from '../../support/broker';
import { startStackBehindProxy, StackBehindProxy } from '../../support/stack-behind-proxy';
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
  let stack: StackBehindProxy;

  beforeAll(async () => {
    stack = await startStackBehindProxy('BROKER_URL', brokerEnv(namespace));
    for (const app of [stack.api, stack.worker!]) {
      await waitFor('the broker connection', () => app.get(BrokerConnection).current);
    }
  });

  afterAll(async () => {
    await stack.proxy.restore();
    await forgetAppNamespace(namespace, stack.api);
    await stack.close();
  });

  it('answers every approval promptly, and delivers every event once when the broker is back', async () => {
    const { uuids, requests } = await ordersAwaitingApproval(stack, ORDERS);

    await stack.proxy.cut();
    const { slowestMs } = await approveEach(stack, requests);
    // A hang would be a publish waiting on the broker; a generous bound tells the two apart.
    expect(slowestMs).toBeLessThan(3000);

    const db = stack.api.get(DataSource);
    const [{ owed }] = await db.query(
      `select count(*)::int as owed from event_publications
       where subscriber = $1 and status = 'pending' and event_type = 'ehr.prescription-request-approved'`,
      [`broker:${namespace}`],
    );
    expect(owed).toBe(ORDERS);
    const [{ reviewed }] = await db.query(
      `select count(*)::int as reviewed from orders where uuid = any($1) and status <> 'pending_clinical_review'`,
      [uuids],
    );
    expect(reviewed).toBe(0);

    await stack.proxy.restore();
    await waitForEveryOrderShipped(stack, uuids);
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
