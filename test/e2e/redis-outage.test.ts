import { ENQUEUE_TIMEOUT_MS } from '@pharmacy/platform/testing';
import {
  approveEach,
  ordersAwaitingApproval,
  owedEnqueues,
  waitForEveryOrderShipped,
} from '../support/approvals-during-outage';
import { startStackBehindProxy, StackBehindProxy } from '../support/stack-behind-proxy';
import { TcpProxy } from '../support/tcp-proxy';
import { describeWithRedis } from '../support/needs';

interface RedisFault {
  readonly name: string;
  readonly test: string;
  readonly orders: number;
  readonly begin: (proxy: TcpProxy) => Promise<void> | void;
  readonly end: (proxy: TcpProxy) => Promise<void> | void;
  /** Every approval answers sooner than this. */
  readonly answersWithinMs: number;
  /** Whether each partner must have seen one attempt; every variant requires one created effect. */
  readonly oneAttempt: boolean;
}

/**
 * Redis goes away while providers approve. The approvals still commit and answer at once; the
 * job enqueues fail and stay owed in the registry; when Redis returns, every eRx and fulfillment
 * job runs exactly once. Redis can go away in two ways:
 */
const FAULTS: RedisFault[] = [
  {
    // Connections reset, new ones refused: enqueues fail fast.
    name: 'A Redis outage',
    test: 'delays the jobs it owes, answers every request promptly, and runs each job once after',
    orders: 6,
    begin: (proxy) => proxy.cut(),
    end: (proxy) => proxy.restore(),
    // A hang would be an enqueue waiting on Redis; a generous bound tells the two apart.
    answersWithinMs: 3000,
    oneAttempt: true,
  },
  {
    // Packets dropped, nothing closed: the worst case for a client, which can only wait. The
    // enqueues run after the answer and fail at their deadline.
    name: 'A Redis that silently drops everything',
    test: 'answers approvals without waiting on Redis, and runs every job once after',
    orders: 3,
    begin: (proxy) => proxy.blackhole(),
    end: (proxy) => proxy.heal(),
    // Sooner than one enqueue's deadline: no request waited on any of the enqueues it causes.
    answersWithinMs: ENQUEUE_TIMEOUT_MS,
    oneAttempt: false,
  },
];

for (const fault of FAULTS) {
  describeWithRedis(fault.name, () => {
    let stack: StackBehindProxy;

    beforeAll(async () => {
      stack = await startStackBehindProxy('REDIS_URL', {
        QUEUE_BACKEND: 'redis',
        PUBLICATION_MAX_ATTEMPTS: '100',
        PUBLICATION_MAX_BACKOFF_MS: '300',
      });
    });

    afterAll(() => stack.close());

    it(fault.test, async () => {
      const { uuids, requests } = await ordersAwaitingApproval(stack, fault.orders);

      await fault.begin(stack.proxy);
      const { prescriptionIds, slowestMs } = await approveEach(stack, requests);
      expect(slowestMs).toBeLessThan(fault.answersWithinMs);

      expect(await owedEnqueues(stack)).toBeGreaterThan(0);
      // Nothing of these approvals reached the partner while Redis was away. (Jobs an earlier
      // suite left in the queue may still run meanwhile: count only this test's prescriptions.)
      const during = stack.partners.stats().prescriptions.byKey;
      for (const id of prescriptionIds) expect(during[id]).toBeUndefined();

      await fault.end(stack.proxy);
      await waitForEveryOrderShipped(stack, uuids, prescriptionIds);

      const stats = stack.partners.stats();
      const once = fault.oneAttempt
        ? { attempts: 1, created: 1 }
        : expect.objectContaining({ created: 1 });
      for (const id of prescriptionIds) expect(stats.prescriptions.byKey[id]).toEqual(once);
      for (const uuid of uuids) expect(stats.shipments.byKey[uuid]).toEqual(once);
    });
  });
}
