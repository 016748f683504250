import { Stack } from './stack';
import { waitFor } from './wait-for';

export const RX_A = 'amoxicillin-500mg';
export const RX_B = 'lisinopril-10mg';
export const RX_C = 'sertraline-50mg';
export const OTC = 'ibuprofen-200mg';

export interface PlacedOrder {
  uuid: string;
  status: string;
  items: { uuid: string; productId: string; status: string }[];
}

export async function placeOrder(
  stack: Stack,
  productIds: string[],
  fulfillmentState = 'CA',
): Promise<PlacedOrder> {
  const response = await stack.http
    .post('/api/orders')
    .auth(await stack.token('patient1'), { type: 'bearer' })
    .send({ items: productIds.map((productId) => ({ productId, quantity: 1 })), fulfillmentState })
    .expect(201);
  return response.body;
}

export interface PendingRequest {
  id: string;
  encounterId: string;
  orderUuid: string;
  orderItemUuid: string;
  productId: string;
}

/** The pending requests of one order, once its encounter is open. */
export async function pendingRequestsOf(
  stack: Stack,
  orderUuid: string,
  expected: number,
): Promise<PendingRequest[]> {
  const token = await stack.token('providerCa');
  return waitFor(`${expected} pending requests of order ${orderUuid}`, async () => {
    const response = await stack.http
      .get('/api/prescription-requests?status=pending')
      .auth(token, { type: 'bearer' })
      .expect(200);
    const mine = (response.body as PendingRequest[]).filter((r) => r.orderUuid === orderUuid);
    return mine.length === expected ? mine : undefined;
  });
}

export async function getOrder(
  stack: Stack,
  orderUuid: string,
): Promise<PlacedOrder & { trackingNumber: string | null; failureReason?: string | null }> {
  const response = await stack.http
    .get(`/api/orders/${orderUuid}`)
    .auth(await stack.token('patient1'), { type: 'bearer' })
    .expect(200);
  return response.body;
}

export async function waitForOrderStatus(stack: Stack, orderUuid: string, status: string) {
  return waitFor(`order ${orderUuid} to be ${status}`, async () => {
    const order = await getOrder(stack, orderUuid);
    return order.status === status ? order : undefined;
  });
}
