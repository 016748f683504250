import { DataSource } from 'typeorm';
import { ENQUEUE_TIMEOUT_MS } from '@pharmacy/platform/testing';
import { OTC, RX_A, pendingRequestsOf, placeOrder } from '../support/flow';
import { startStack, Stack } from '../support/stack';
import { TcpProxy } from '../support/tcp-proxy';
import { testEnv } from '../support/test-env';
import { waitFor } from '../support/wait-for';
import { describeWithRedis } from '../support/needs';

const ORDERS = 3;

/**
 * Redis stops answering without closing anything (packets dropped, no reset): the worst case for
 * a client, which can only wait. Approvals do not wait on it: the enqueues their events lead to
 * run after the answer, fail at their deadline, and stay owed in the registry; once the network
 * heals every job runs exactly once.
 */
describeWithRedis('A Redis that silently drops everything', () => {
  let proxy: TcpProxy;
  let stack: Stack;

  beforeAll(async () => {
    const redis = new URL(testEnv.redisUrl);
    proxy = await TcpProxy.start({ host: redis.hostname, port: Number(redis.port || 6379) });
    stack = await startStack({
      REDIS_URL: `redis://127.0.0.1:${proxy.port}${redis.pathname}`,
      PUBLICATION_MAX_ATTEMPTS: '100',
      PUBLICATION_MAX_BACKOFF_MS: '300',
    });
  });

  afterAll(async () => {
    proxy.heal();
    await stack.close();
    await proxy.cut();
  });

  it('answers approvals without waiting on Redis, and runs every job once after', async () => {
    const orders = await Promise.all(
      Array.from({ length: ORDERS }, () => placeOrder(stack, [RX_A, OTC])),
    );
    const requests = (
      await Promise.all(orders.map((order) => pendingRequestsOf(stack, order.uuid, 1)))
    ).flat();
    const provider = await stack.token('providerCa');

    proxy.blackhole();
    const prescriptionIds: string[] = [];
    for (const request of requests) {
      const started = Date.now();
      const response = await stack.http
        .post(`/api/prescription-requests/${request.id}/approve`)
        .auth(provider, { type: 'bearer' })
        .send({ sig: 'Once daily.', refills: 0 });
      expect(response.status).toBe(201);
      // Sooner than one enqueue's deadline: the request waited on none of the enqueues it causes.
      expect(Date.now() - started).toBeLessThan(ENQUEUE_TIMEOUT_MS);
      prescriptionIds.push(response.body.prescription.id);
    }
    const db = stack.api.get(DataSource);
    await waitFor('the enqueues to be owed in the registry', async () => {
      const [{ count }] = await db.query(
        `select count(*)::int as count from event_publications
         where status = 'pending' and last_error is not null and subscriber like '%enqueue%'`,
      );
      return count > 0;
    });
    const during = stack.partners.stats().prescriptions.byKey;
    for (const id of prescriptionIds) expect(during[id]).toBeUndefined();

    proxy.heal();
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
        return shipped === ORDERS && sent === ORDERS;
      },
      { timeoutMs: 30_000 },
    );
    const stats = stack.partners.stats();
    for (const id of prescriptionIds) expect(stats.prescriptions.byKey[id].created).toBe(1);
    for (const uuid of uuids) expect(stats.shipments.byKey[uuid].created).toBe(1);
  });
});
