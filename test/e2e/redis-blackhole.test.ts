import { ENQUEUE_TIMEOUT_MS } from '@pharmacy/platform';
import {
  approveEach,
  ordersAwaitingApproval,
  owedEnqueues,
  waitForEveryOrderShipped,
} from '../support/approvals-during-outage';
import { startStack, Stack } from '../support/stack';
import { TcpProxy } from '../support/tcp-proxy';
import { testEnv } from '../support/test-env';
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
    proxy = await TcpProxy.inFrontOf(testEnv.redisUrl);
    stack = await startStack({
      REDIS_URL: proxy.via(testEnv.redisUrl),
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
    const { uuids, requests } = await ordersAwaitingApproval(stack, ORDERS);

    proxy.blackhole();
    const { prescriptionIds, slowestMs } = await approveEach(stack, requests);
    // Sooner than one enqueue's deadline: no request waited on any of the enqueues it causes.
    expect(slowestMs).toBeLessThan(ENQUEUE_TIMEOUT_MS);
    await owedEnqueues(stack);
    const during = stack.partners.stats().prescriptions.byKey;
    for (const id of prescriptionIds) expect(during[id]).toBeUndefined();

    proxy.heal();
    await waitForEveryOrderShipped(stack, uuids, prescriptionIds);
    const stats = stack.partners.stats();
    for (const id of prescriptionIds) expect(stats.prescriptions.byKey[id].created).toBe(1);
    for (const uuid of uuids) expect(stats.shipments.byKey[uuid].created).toBe(1);
  });
});
