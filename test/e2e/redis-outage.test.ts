import { RX_A, OTC, pendingRequestsOf, placeOrder } from '../support/flow';
import { startStack, Stack } from '../support/stack';
import { TcpProxy } from '../support/tcp-proxy';
import { describeWithRedis } from '../support/needs';
import { testEnv } from '../support/test-env';
import { waitFor } from '../support/wait-for';
import { DataSource } from 'typeorm';

const ORDERS = 6;

/**
 * Redis goes away while providers approve. The approvals still commit and answer at once; the
 * job enqueues fail fast and stay owed in the registry; when Redis returns, every eRx and
 * fulfillment job runs exactly once.
 */
describeWithRedis('A Redis outage', () => {
  let proxy: TcpProxy;
  let stack: Stack;

  beforeAll(async () => {
    const redis = new URL(testEnv.redisUrl);
    proxy = await TcpProxy.start({ host: redis.hostname, port: Number(redis.port || 6379) });
    stack = await startStack({
      REDIS_URL: `redis://127.0.0.1:${proxy.port}${redis.pathname}`,
      QUEUE_BACKEND: 'redis',
      PUBLICATION_MAX_ATTEMPTS: '100',
      PUBLICATION_MAX_BACKOFF_MS: '300',
    });
  });

  afterAll(async () => {
    await proxy.restore();
    await stack.close();
    await proxy.cut();
  });

  it('delays the jobs it owes, answers every request promptly, and runs each job once after', async () => {
    const orders = await Promise.all(
      Array.from({ length: ORDERS }, () => placeOrder(stack, [RX_A, OTC])),
    );
    const requests = (
      await Promise.all(orders.map((order) => pendingRequestsOf(stack, order.uuid, 1)))
    ).flat();
    const provider = await stack.token('providerCa');

    await proxy.cut();
    const slowest = { ms: 0 };
    const prescriptionIds: string[] = [];
    for (const request of requests) {
      const started = Date.now();
      const response = await stack.http
        .post(`/api/prescription-requests/${request.id}/approve`)
        .auth(provider, { type: 'bearer' })
        .send({ sig: 'Once daily.', refills: 0 });
      slowest.ms = Math.max(slowest.ms, Date.now() - started);
      expect(response.status).toBe(201);
      prescriptionIds.push(response.body.prescription.id);
    }
    // A hang would be an enqueue waiting on Redis; a generous bound tells the two apart.
    expect(slowest.ms).toBeLessThan(3000);

    const db = stack.api.get(DataSource);
    const owed = await waitFor('the failed enqueues to be owed in the registry', async () => {
      const [{ count }] = await db.query(
        `select count(*)::int as count from event_publications
         where status = 'pending' and last_error is not null and subscriber like '%enqueue%'`,
      );
      return count > 0 ? count : undefined;
    });
    expect(owed).toBeGreaterThan(0);
    // Nothing of these approvals reached the partner while Redis was away. (Jobs an earlier
    // suite left in the queue may still run meanwhile: count only this test's prescriptions.)
    const during = stack.partners.stats().prescriptions.byKey;
    for (const id of prescriptionIds) expect(during[id]).toBeUndefined();

    await proxy.restore();
    const uuids = orders.map((order) => order.uuid);
    await waitFor(
      'every order to ship and every prescription to be transmitted',
      async () => {
        const [{ shipped }] = await db.query(
          `select count(*)::int as shipped from orders where uuid = any($1) and status = 'fulfilled'`,
          [uuids],
        );
        const [{ sent }] = await db.query(
          `select count(*)::int as sent from prescriptions where id = any($1) and status = 'transmitted'`,
          [prescriptionIds],
        );
        return shipped === ORDERS && sent === ORDERS ? true : undefined;
      },
      { timeoutMs: 30_000 },
    );

    const stats = stack.partners.stats();
    for (const id of prescriptionIds)
      expect(stats.prescriptions.byKey[id]).toEqual({ attempts: 1, created: 1 });
    for (const uuid of uuids)
      expect(stats.shipments.byKey[uuid]).toEqual({ attempts: 1, created: 1 });
  });
});
