import { Stack } from './stack';
import { inLanes } from './stats';

/**
 * The order of the HTTP runs: two prescription items and one over the counter, shipped to CA. It
 * opens an encounter with two pending requests: approving the first (position 0) leaves the
 * order in review, approving the second makes it ready for fulfillment.
 */
export const ORDER_BODY = {
  items: [
    { productId: 'amoxicillin-500mg', quantity: 1 },
    { productId: 'lisinopril-10mg', quantity: 1 },
    { productId: 'ibuprofen-200mg', quantity: 1 },
  ],
  fulfillmentState: 'CA',
};

const PENDING = {
  /** The first request of orders whose two requests are both pending. */
  first: `select pr.id from encounters e
    join prescription_requests pr on pr.encounter_id = e.id and pr.position = 0
    where e.status = 'open' and pr.status = 'pending' and not exists (select 1
      from prescription_requests other where other.encounter_id = e.id and other.status <> 'pending')
    order by e.created_at limit $1`,
  /** The pending second request of orders whose first prescription is transmitted. */
  second: `select pr.id from encounters e
    join prescription_requests pr on pr.encounter_id = e.id and pr.position = 1
    join prescription_requests first on first.encounter_id = e.id and first.position = 0
    join prescriptions p on p.prescription_request_id = first.id
    where pr.status = 'pending' and p.status = 'transmitted'
    order by e.created_at limit $1`,
};

/** Ids of pending requests, oldest order first. */
export async function pendingRequests(stack: Stack, which: keyof typeof PENDING, limit: number) {
  const { rows } = await stack.db.query<{ id: string }>(PENDING[which], [limit]);
  return rows.map((row) => row.id);
}

/** Places orders through the API until `count` orders have both requests pending. */
export async function ensureOrders(stack: Stack, count: number, lanes: number) {
  const missing = count - (await pendingRequests(stack, 'first', count)).length;
  const place = () => stack.post('/api/orders', ORDER_BODY, stack.patientToken);
  await inLanes(lanes, Array.from({ length: Math.max(0, missing) }), place);
}

export const approve = (stack: Stack, requestId: string) =>
  stack.post(
    `/api/prescription-requests/${requestId}/approve`,
    { sig: 'Take one tablet daily.', refills: 1 },
    stack.providerToken,
  );

/** Approves every request as fast as `lanes` connections allow; returns the failures. */
export async function approveAll(stack: Stack, requestIds: readonly string[], lanes: number) {
  let errors = 0;
  const started = performance.now();
  await inLanes(lanes, requestIds, (id) => approve(stack, id).catch(() => errors++));
  return { errors, perSecond: (requestIds.length / (performance.now() - started)) * 1000 };
}
