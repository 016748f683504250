import {
  approveEach,
  ordersAwaitingApproval,
  owedEnqueues,
  waitForEveryOrderShipped,
} from '../support/approvals-during-outage';
import { startStack, Stack } from '../support/stack';
import { TcpProxy } from '../support/tcp-proxy';
import { describeWithRedis } from '../support/needs';
import { testEnv } from '../support/test-env';

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
    proxy = await TcpProxy.inFrontOf(testEnv.redisUrl);
    stack = await startStack({
      REDIS_URL: proxy.via(testEnv.redisUrl),
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
    const { uuids, requests } = await ordersAwaitingApproval(stack, ORDERS);

    await proxy.cut();
    const { prescriptionIds, slowestMs } = await approveEach(stack, requests);
    // A hang would be an enqueue waiting on Redis; a generous bound tells the two apart.
    expect(slowestMs).toBeLessThan(3000);

    expect(await owedEnqueues(stack)).toBeGreaterThan(0);
    // Nothing of these approvals reached the partner while Redis was away. (Jobs an earlier
    // suite left in the queue may still run meanwhile: count only this test's prescriptions.)
    const during = stack.partners.stats().prescriptions.byKey;
    for (const id of prescriptionIds) expect(during[id]).toBeUndefined();

    await proxy.restore();
    await waitForEveryOrderShipped(stack, uuids, prescriptionIds);

    const stats = stack.partners.stats();
    for (const id of prescriptionIds)
      expect(stats.prescriptions.byKey[id]).toEqual({ attempts: 1, created: 1 });
    for (const uuid of uuids)
      expect(stats.shipments.byKey[uuid]).toEqual({ attempts: 1, created: 1 });
  });
});
