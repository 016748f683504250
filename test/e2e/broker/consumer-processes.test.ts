import { DEMO_USERS } from '@pharmacy/identity';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Client } from 'pg';
import {
  createFakePartnersServer,
  FakePartnersServer,
} from '../../../apps/fake-partners/src/fake-partners-server';
import { brokerEnv, forgetNamespace, uniqueNamespace } from '../../support/broker';
import { ChildApp } from '../../support/child-api';
import { OTC } from '../../support/flow';
import { signTestToken, TEST_JWT_SECRET } from '../../support/tokens';
import { testEnv } from '../../support/test-env';
import { waitFor } from '../../support/wait-for';
import { describeWithBroker } from '../../support/needs';

const ORDERS = 16;
/** Every subscriber of the flow an over-the-counter order takes, in the apps as wired. */
const SUBSCRIBERS = [
  'orders.enqueue-fulfillment-when-order-ready',
  'notifications.notify-patient-when-order-shipped',
];

const token = (user: keyof typeof DEMO_USERS) => signTestToken(user);

/**
 * Real processes around one broker namespace: an API that publishes and consumes nothing, and
 * workers that consume. They are killed with SIGKILL at the worst moments; every effect must
 * still happen exactly once.
 */
describeWithBroker('Broker consumers as separate processes', () => {
  let db: Client;
  let partners: FakePartnersServer;
  let baseEnv: NodeJS.ProcessEnv;
  const namespace = uniqueNamespace();
  const children: ChildApp[] = [];

  beforeAll(async () => {
    db = new Client({ connectionString: testEnv.databaseUrl });
    await db.connect();
    partners = createFakePartnersServer();
    const partnersUrl = `http://127.0.0.1:${await partners.listen(0, '127.0.0.1')}`;
    baseEnv = {
      ...brokerEnv(namespace),
      DATABASE_URL: testEnv.databaseUrl,
      REDIS_URL: testEnv.redisUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      ERX_BASE_URL: partnersUrl,
      PHARMACY_BASE_URL: partnersUrl,
      LOG_LEVEL: 'info',
      PUBLICATION_LEASE_MS: '500',
      PUBLICATION_BACKOFF_MS: '20',
      RELAY_POLL_MS: '50',
      JOB_BACKOFF_MS: '20',
    };
  });

  afterAll(async () => {
    for (const child of children) await child.kill();
    await partners.close();
    await forgetNamespace(namespace, db);
    await db.end();
  });

  const start = async (app: 'api' | 'api-with-faults' | 'worker', env: NodeJS.ProcessEnv = {}) => {
    const child = await ChildApp.start(app, { ...baseEnv, ...env });
    children.push(child);
    await waitFor(`the ${app} to reach the broker`, () =>
      child.log.includes('Connected to the broker'),
    );
    return child;
  };

  /** Sends one order of one over-the-counter item, under a key of its own. */
  const postOrder = (api: ChildApp) =>
    fetch(`${api.baseUrl}/api/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token('patient1')}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({ items: [{ productId: OTC, quantity: 1 }], fulfillmentState: 'CA' }),
    });

  const placeOrders = async (api: ChildApp, count: number): Promise<string[]> => {
    const uuids: string[] = [];
    for (let i = 0; i < count; i++) {
      const response = await postOrder(api);
      expect(response.status).toBe(201);
      uuids.push(((await response.json()) as { uuid: string }).uuid);
    }
    return uuids;
  };

  /** Places an order on an app about to crash: the answer may be lost, the order is not. */
  const placeOrderDespiteCrash = async (api: ChildApp): Promise<string> => {
    const response = await postOrder(api).catch(() => undefined);
    if (response?.ok) return ((await response.json()) as { uuid: string }).uuid;
    const { rows } = await db.query(
      `select event->'payload'->>'orderUuid' as uuid from event_publications
       where subscriber = $1 and event_type = 'orders.order-placed' order by created_at desc limit 1`,
      [`broker:${namespace}`],
    );
    return rows[0].uuid;
  };

  const waitForShipped = (uuids: string[]) =>
    waitFor(
      `${uuids.length} orders shipped and notified`,
      async () => {
        const { rows } = await db.query(
          `select count(*)::int as notified from notifications
           where order_uuid = any($1) and kind = 'order_shipped'`,
          [uuids],
        );
        return rows[0].notified === uuids.length;
      },
      { timeoutMs: 30_000 },
    );

  const expectEachEffectOnce = async (uuids: string[]) => {
    const stats = partners.stats();
    for (const uuid of uuids)
      expect(stats.shipments.byKey[uuid]).toEqual({ attempts: 1, created: 1 });
    const { rows } = await db.query(
      `select count(*)::int as notices from notifications where order_uuid = any($1)`,
      [uuids],
    );
    expect(rows[0].notices).toBe(uuids.length);
  };

  it('splits the work between two consumer processes, and each effect happens once', async () => {
    const api = await start('api', { BROKER_CONSUME: 'false' });
    const workers = [await start('worker'), await start('worker')];
    const uuids = await placeOrders(api, ORDERS);
    await waitForShipped(uuids);
    await expectEachEffectOnce(uuids);

    // Receipts of this test's events only: the inbox is shared with every earlier test.
    const { rows } = await db.query(
      `select i.consumer, count(*)::int as received from event_inbox i
       join event_publications p on p.event_id = i.event_id and p.subscriber = $2
       where i.subscriber = any($1) and p.event->'payload'->>'orderUuid' = any($3)
       group by i.consumer`,
      [SUBSCRIBERS, `broker:${namespace}`, uuids],
    );
    for (const worker of workers) await worker.kill();
    await api.kill();
    const pids = new Set(workers.map((w) => `${hostname()}:${w.process.pid}`));
    // Both took work, and no other process did.
    expect(rows.map((row: { consumer: string }) => row.consumer).sort()).toEqual([...pids].sort());
    expect(rows.reduce((sum: number, row: { received: number }) => sum + row.received, 0)).toBe(
      ORDERS * SUBSCRIBERS.length,
    );
  }, 90_000);

  it('redelivers the message of a consumer killed between its commit and its ack, and does not run it again', async () => {
    // The API consumes too; it holds no BullMQ worker whose job could stall when it dies.
    const doomed = await start('api-with-faults', { FAULT_POINTS: 'broker.before-ack:crash' });
    const uuid = await placeOrderDespiteCrash(doomed);
    await doomed.exited(); // committed its effect and its inbox row, then died before the ack

    const survivor = await start('worker');
    await waitForShipped([uuid]);
    await expectEachEffectOnce([uuid]);
    await waitFor('the redelivered copy to be dropped by the inbox', () =>
      survivor.log.includes('already received'),
    );
    await survivor.kill();
  }, 60_000);

  it('publishes again what a publisher confirmed but died before recording, and it is consumed once', async () => {
    // The API's relay must be the only one running while it hands the order off: a worker's relay
    // would race it for the due publication, and on a busy machine win, so the fault point would
    // never fire. A worker that has declared this namespace's queues is stopped first; they keep
    // what the broker confirmed meanwhile.
    await (await start('worker')).kill();
    const doomed = await start('api-with-faults', {
      BROKER_CONSUME: 'false',
      FAULT_POINTS: 'broker.after-confirm:crash',
    });
    const uuid = await placeOrderDespiteCrash(doomed);
    await doomed.exited(); // the broker confirmed the event; the registry still owes it
    const worker = await start('worker');

    // The worker's relay takes the expired lease over and publishes it again, same id.
    await waitFor('the owed publication to be handed off again', async () => {
      const { rows } = await db.query(
        `select status, attempts from event_publications
         where subscriber = $1 and event_type = 'orders.order-ready-for-fulfillment'
           and event->'payload'->>'orderUuid' = $2`,
        [`broker:${namespace}`, uuid],
      );
      return rows[0]?.status === 'completed' ? rows[0] : undefined;
    });
    await waitForShipped([uuid]);
    await expectEachEffectOnce([uuid]);
    await waitFor('the second copy to be dropped by the inbox', () =>
      worker.log.includes('already received'),
    );
    await worker.kill();
  }, 60_000);
});
