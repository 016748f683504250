import { Stack } from './stack';
import { fixedRate, LoopResult } from './stats';

/**
 * Orders of the HTTP runs: two prescription items and one over the counter, shipped to CA. Each
 * opens an encounter with two pending requests: approving the first (position 0) leaves the
 * order in review, approving the second concludes it (ready for fulfillment).
 */
export const ORDER_BODY = {
  items: [
    { productId: 'amoxicillin-500mg', quantity: 1 },
    { productId: 'lisinopril-10mg', quantity: 1 },
    { productId: 'ibuprofen-200mg', quantity: 1 },
  ],
  fulfillmentState: 'CA',
};

export const APPROVAL_BODY = { sig: 'Take one tablet daily.', refills: 1 };

export interface Request {
  readonly requestId: string;
  readonly orderUuid: string;
}

/** Orders whose two requests are both pending: their first request, oldest first. */
export async function firstRequests(stack: Stack, limit: number): Promise<Request[]> {
  const { rows } = await stack.db.query<Request>(
    `select pr.id as "requestId", e.order_uuid as "orderUuid"
     from encounters e join prescription_requests pr on pr.encounter_id = e.id and pr.position = 0
     where e.status = 'open' and pr.status = 'pending'
       and not exists (select 1 from prescription_requests other
                       where other.encounter_id = e.id and other.status <> 'pending')
     order by e.created_at limit $1`,
    [limit],
  );
  return rows;
}

/** Orders whose first prescription is transmitted and whose second request is pending. */
export async function secondRequests(stack: Stack, limit: number): Promise<Request[]> {
  const { rows } = await stack.db.query<Request>(
    `select pr.id as "requestId", e.order_uuid as "orderUuid"
     from encounters e
     join prescription_requests pr on pr.encounter_id = e.id and pr.position = 1
     join prescription_requests first on first.encounter_id = e.id and first.position = 0
     join prescriptions p on p.prescription_request_id = first.id
     where pr.status = 'pending' and p.status = 'transmitted'
     order by e.created_at limit $1`,
    [limit],
  );
  return rows;
}

/** Places orders through the API until `count` orders have both requests pending. */
export async function ensureOrders(stack: Stack, count: number, lanes: number): Promise<void> {
  const have = (await firstRequests(stack, count)).length;
  let left = count - have;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (left > 0) {
        left--;
        await stack.http.postExpect('/api/orders', ORDER_BODY, 201, stack.patientToken);
      }
    }),
  );
}

function approve(stack: Stack, requestId: string) {
  return stack.http.postExpect(
    `/api/prescription-requests/${requestId}/approve`,
    APPROVAL_BODY,
    201,
    stack.providerToken,
  );
}

/** Approves every request as fast as `lanes` connections allow. */
export async function approveAll(
  stack: Stack,
  requests: readonly Request[],
  lanes: number,
): Promise<{ elapsedMs: number; perSecond: number; errors: number }> {
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < requests.length) {
        const request = requests[next++];
        await approve(stack, request.requestId).catch(() => errors++);
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  return { elapsedMs, perSecond: (requests.length / elapsedMs) * 1000, errors };
}

/** Approves the requests at a fixed rate (an open loop); latencies are the HTTP answers'. */
export function approveAtRate(
  stack: Stack,
  requests: readonly Request[],
  perSecond: number,
): Promise<LoopResult> {
  return fixedRate({
    perSecond,
    durationMs: (requests.length / perSecond) * 1000,
    op: (index) =>
      index < requests.length ? approve(stack, requests[index].requestId) : Promise.resolve(),
  });
}
