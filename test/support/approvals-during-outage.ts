import { DataSource } from 'typeorm';
import { OTC, PendingRequest, RX_A, pendingRequestsOf, placeOrder } from './flow';
import { Stack } from './stack';
import { waitFor } from './wait-for';

/*
 * The outage tests' common story: orders wait for a provider, a service goes away, the provider
 * approves every one of them, the service returns, and every order must end shipped, once.
 */

/** `count` orders of one prescription item and one OTC item, each with its pending request. */
export async function ordersAwaitingApproval(
  stack: Stack,
  count: number,
): Promise<{ uuids: string[]; requests: PendingRequest[] }> {
  const orders = await Promise.all(
    Array.from({ length: count }, () => placeOrder(stack, [RX_A, OTC])),
  );
  const uuids = orders.map((order) => order.uuid);
  const requests = await Promise.all(uuids.map((uuid) => pendingRequestsOf(stack, uuid, 1)));
  return { uuids, requests: requests.flat() };
}

/**
 * Approves the requests one after the other, expecting each to answer 201. Returns the
 * prescriptions issued and the slowest answer, for the test to bound.
 */
export async function approveEach(
  stack: Stack,
  requests: readonly PendingRequest[],
): Promise<{ prescriptionIds: string[]; slowestMs: number }> {
  const provider = await stack.token('providerCa');
  const prescriptionIds: string[] = [];
  let slowestMs = 0;
  for (const request of requests) {
    const started = Date.now();
    const response = await stack.http
      .post(`/api/prescription-requests/${request.id}/approve`)
      .auth(provider, { type: 'bearer' })
      .send({ sig: 'Once daily.', refills: 0 })
      .expect(201);
    slowestMs = Math.max(slowestMs, Date.now() - started);
    prescriptionIds.push(response.body.prescription.id);
  }
  return { prescriptionIds, slowestMs };
}

/** Waits until enqueues that failed are owed in the registry; returns how many are. */
export function owedEnqueues(stack: Stack): Promise<number> {
  return waitFor('the failed enqueues to be owed in the registry', async () => {
    const [{ count }] = await stack.api.get(DataSource).query(
      `select count(*)::int as count from event_publications
       where status = 'pending' and last_error is not null and subscriber like '%enqueue%'`,
    );
    return count > 0 ? count : undefined;
  });
}

/** Waits until every order is fulfilled and every prescription given is transmitted. */
export async function waitForEveryOrderShipped(
  stack: Stack,
  uuids: readonly string[],
  prescriptionIds: readonly string[] = [],
): Promise<void> {
  const db = stack.api.get(DataSource);
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
      return shipped === uuids.length && sent === prescriptionIds.length;
    },
    { timeoutMs: 30_000 },
  );
}
