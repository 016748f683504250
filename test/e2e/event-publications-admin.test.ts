import { DataSource } from 'typeorm';
import { RX_A, pendingRequestsOf, placeOrder, waitForOrderStatus } from '../support/flow';
import { startStack, Stack } from '../support/stack';
import { waitFor } from '../support/wait-for';

const SUBSCRIBER = 'orders.enqueue-fulfillment-when-order-ready';

describe('Operating the event publication registry over HTTP', () => {
  let stack: Stack;
  let admin: string;

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.token('admin');
  });

  afterAll(() => stack.close());

  it('lists publications by status, event type and subscriber, and counts them', async () => {
    const order = await placeOrder(stack, [RX_A]);
    await pendingRequestsOf(stack, order.uuid, 1);

    const listed = await stack.http
      .get('/api/admin/event-publications')
      .query({
        eventType: 'orders.order-placed',
        subscriber: 'ehr.open-encounter-when-order-placed',
      })
      .auth(admin, { type: 'bearer' })
      .expect(200);
    const mine = listed.body.filter(
      (row: { event: { payload: { orderUuid: string } } }) =>
        row.event.payload.orderUuid === order.uuid,
    );
    expect(mine).toEqual([
      expect.objectContaining({
        status: 'completed',
        attempts: 1,
        eventVersion: 1,
        lastError: null,
      }),
    ]);

    const counts = await stack.http
      .get('/api/admin/event-publications/counts')
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(Object.keys(counts.body).sort()).toEqual([
      'completed',
      'failed',
      'oldestPendingAgeMs',
      'pending',
      'processing',
      'stale',
    ]);
    for (const status of ['pending', 'processing', 'stale', 'completed', 'failed'])
      expect(typeof counts.body[status]).toBe('number');
    expect(counts.body.completed).toBeGreaterThan(0);
  });

  it('resubmits a failed publication, one or in bulk, and it then completes', async () => {
    const db = stack.api.get(DataSource);
    // An order ready at once (nothing to review), whose fulfillment enqueue we then mark failed
    // as if Redis had been gone for longer than every retry.
    const order = await placeOrder(stack, ['ibuprofen-200mg']);
    await waitForOrderStatus(stack, order.uuid, 'fulfilled');
    const [row] = await db
      .query(
        `update event_publications set status = 'failed', attempts = 20, last_error = 'redis down'
       where subscriber = $1 and event->'payload'->>'orderUuid' = $2 returning id`,
        [SUBSCRIBER, order.uuid],
      )
      .then(([rows]: [{ id: string }[]]) => rows);

    const failed = await stack.http
      .get('/api/admin/event-publications')
      .query({ status: 'failed', subscriber: SUBSCRIBER })
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(failed.body.map((p: { id: string }) => p.id)).toContain(row.id);

    await stack.http
      .post(`/api/admin/event-publications/${row.id}/resubmit`)
      .auth(admin, { type: 'bearer' })
      .expect(200, { resubmitted: 1 });
    await waitFor('the resubmitted publication to complete', async () => {
      const [{ status }] = await db.query('select status from event_publications where id = $1', [
        row.id,
      ]);
      return status === 'completed' ? true : undefined;
    });

    // Resubmitting something not failed is a 404, and changes nothing.
    await stack.http
      .post(`/api/admin/event-publications/${row.id}/resubmit`)
      .auth(admin, { type: 'bearer' })
      .expect(404);

    await db.query(`update event_publications set status = 'failed' where id = $1`, [row.id]);
    const bulk = await stack.http
      .post('/api/admin/event-publications/resubmit')
      .auth(admin, { type: 'bearer' })
      .send({ subscriber: SUBSCRIBER })
      .expect(200);
    expect(bulk.body.resubmitted).toBeGreaterThanOrEqual(1);
    await waitFor('the bulk resubmission to complete', async () => {
      const [{ status }] = await db.query('select status from event_publications where id = $1', [
        row.id,
      ]);
      return status === 'completed' ? true : undefined;
    });
    // The enqueue ran three times; the deterministic job id kept it one shipment.
    expect(stack.partners.stats().shipments.byKey[order.uuid]).toEqual({ attempts: 1, created: 1 });
  });

  it('retries one failed publication through the shared admin retry route, idempotently', async () => {
    const db = stack.api.get(DataSource);
    const order = await placeOrder(stack, ['ibuprofen-200mg']);
    await waitForOrderStatus(stack, order.uuid, 'fulfilled');
    const [[row]]: [{ id: string }[]] = await db.query(
      `update event_publications set status = 'failed', attempts = 30, last_error = 'redis down'
       where subscriber = $1 and event->'payload'->>'orderUuid' = $2 returning id`,
      [SUBSCRIBER, order.uuid],
    );

    const first = await stack.http
      .post(`/api/admin/event-publications/${row.id}/retry`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(first.body).toEqual({ id: row.id, status: 'pending', retried: true, job: 'none' });
    await waitFor('the retried publication to complete', async () => {
      const [{ status }] = await db.query('select status from event_publications where id = $1', [
        row.id,
      ]);
      return status === 'completed';
    });
    const again = await stack.http
      .post(`/api/admin/event-publications/${row.id}/retry`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(again.body).toEqual({ id: row.id, status: 'completed', retried: false, job: 'none' });
    await stack.http
      .post('/api/admin/event-publications/00000000-0000-4000-8000-000000000000/retry')
      .auth(admin, { type: 'bearer' })
      .expect(404);
  });

  it('is for admins only', async () => {
    for (const user of ['patient1', 'providerCa'] as const) {
      await stack.http
        .get('/api/admin/event-publications')
        .auth(await stack.token(user), { type: 'bearer' })
        .expect(403);
    }
    await stack.http.get('/api/admin/event-publications/counts').expect(401);
  });

  it('refuses a bad filter with a 400', async () => {
    const response = await stack.http
      .get('/api/admin/event-publications')
      .query({ status: 'exploded', limit: 9999 })
      .auth(admin, { type: 'bearer' })
      .expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'limit',
      'status',
    ]);
  });
});
