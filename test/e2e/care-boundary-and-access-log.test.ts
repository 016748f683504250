import { DEMO_USERS } from '@pharmacy/identity';
import { DataSource } from 'typeorm';
import { PendingRequest, placeOrder, pendingRequestsOf, RX_A } from '../support/flow';
import { DemoUser, startStack, Stack } from '../support/stack';
import { waitFor } from '../support/wait-for';

const REASON = 'TICKET-4711: patient asked support about a delayed order';

describe('Reads stay inside the care relationship, and every access is logged with its actor', () => {
  let stack: Stack;
  let db: DataSource;
  let request: PendingRequest;
  let prescriptionId: string;

  beforeAll(async () => {
    stack = await startStack();
    db = stack.api.get(DataSource);
    const order = await placeOrder(stack, [RX_A], 'CA');
    [request] = await pendingRequestsOf(stack, order.uuid, 1);
    const approval = await stack.http
      .post(`/api/prescription-requests/${request.id}/approve`)
      .auth(await stack.token('providerCa'), { type: 'bearer' })
      .send({ sig: 'Take one daily.', refills: 0 })
      .expect(201);
    prescriptionId = approval.body.prescription.id;
  });

  afterAll(() => stack.close());

  const get = async (path: string, as: DemoUser, reason?: string) => {
    const call = stack.http.get(path).auth(await stack.token(as), { type: 'bearer' });
    if (reason !== undefined) call.set('X-Access-Reason', reason);
    return call;
  };
  const records = () => ({
    order: `/api/orders/${request.orderUuid}`,
    encounter: `/api/encounters/${request.encounterId}`,
    prescription: `/api/prescriptions/${prescriptionId}`,
  });

  async function accessLog(actor: DemoUser, resourceId: string) {
    return db.query(
      `select action, resource, resource_id as "resourceId", reason, outcome, actor_role as "actorRole"
         from access_log where actor_id = $1 and resource_id = $2 order by id`,
      [DEMO_USERS[actor].id, resourceId],
    );
  }

  it('lets the patient, a provider licensed in the shipping state, and the reviewing provider read', async () => {
    const { encounter, prescription, order } = records();
    for (const path of [order, encounter, prescription]) {
      expect((await get(path, 'patient1')).status).toBe(200);
    }
    for (const path of [encounter, prescription]) {
      expect((await get(path, 'providerCa')).status).toBe(200);
    }
  });

  it('answers 404 to a provider licensed elsewhere and not involved, as for a record that does not exist', async () => {
    const { encounter, prescription } = records();
    for (const path of [encounter, prescription]) {
      const response = await get(path, 'providerTx');
      expect(response.status).toBe(404);
      expect(response.body.detail).toMatch(/was not found/);
    }
  });

  it('refuses orders to providers (they review encounters) and to other patients', async () => {
    expect((await get(records().order, 'providerCa')).status).toBe(403);
    expect((await get(records().order, 'patient2')).status).toBe(404);
    expect((await get(records().encounter, 'patient2')).status).toBe(404);
  });

  it('lets the provider who reviewed read on, even once no longer licensed there', async () => {
    await db.query(`delete from provider_licenses where provider_id = $1 and state = 'CA'`, [
      DEMO_USERS.providerCa.id,
    ]);
    try {
      expect((await get(records().encounter, 'providerCa')).status).toBe(200);
      expect((await get(records().prescription, 'providerCa')).status).toBe(200);
    } finally {
      await db.query(`insert into provider_licenses (provider_id, state) values ($1, 'CA')`, [
        DEMO_USERS.providerCa.id,
      ]);
    }
  });

  it('refuses an admin reading a record without a stated reason, and logs the refusal', async () => {
    for (const reason of [undefined, 'because', 'x'.repeat(501)]) {
      const response = await get(records().prescription, 'admin', reason);
      expect(response.status).toBe(400);
      expect(response.body.detail).toMatch(/X-Access-Reason/);
    }
    expect(await accessLog('admin', prescriptionId)).toEqual(
      Array.from({ length: 3 }, () =>
        expect.objectContaining({ resource: 'prescription', reason: null, outcome: 400 }),
      ),
    );
  });

  it('lets an admin read with a reason, and writes actor, record and reason to the access log', async () => {
    for (const path of Object.values(records())) {
      expect((await get(path, 'admin', REASON)).status).toBe(200);
    }
    expect(await accessLog('admin', request.encounterId)).toEqual([
      {
        action: 'read',
        resource: 'encounter',
        resourceId: request.encounterId,
        reason: REASON,
        outcome: 200,
        actorRole: 'admin',
      },
    ]);
    expect(await accessLog('admin', request.orderUuid)).toEqual([
      expect.objectContaining({ resource: 'order', reason: REASON, outcome: 200 }),
    ]);
  });

  it('logs every read of a record, the refused ones with their status', async () => {
    const before = await accessLog('providerTx', prescriptionId);
    await get(records().prescription, 'providerTx');
    await get(records().prescription, 'patient1');
    expect(await accessLog('providerTx', prescriptionId)).toEqual([
      ...before,
      expect.objectContaining({ action: 'read', resource: 'prescription', outcome: 404 }),
    ]);
    expect(await accessLog('patient1', prescriptionId)).toContainEqual(
      expect.objectContaining({ action: 'read', actorRole: 'patient', outcome: 200 }),
    );
  });

  it('logs every admin action, with its parameters and outcome, without a decorator on the route', async () => {
    const response = await stack.http
      .post('/api/admin/event-publications/resubmit')
      .auth(await stack.token('admin'), { type: 'bearer' })
      .send({ eventType: 'no.such-event' })
      .expect(200);
    expect(response.body).toEqual({ resubmitted: 0 });
    const rows = await waitFor('the admin action in the access log', async () => {
      const found = await db.query(
        `select action, details, outcome from access_log
          where actor_id = $1 and action like 'POST %' order by id desc limit 1`,
        [DEMO_USERS.admin.id],
      );
      return found.length === 1 ? found : undefined;
    });
    expect(rows[0]).toEqual({
      action: 'POST /api/admin/event-publications/resubmit',
      details: { eventType: 'no.such-event' },
      outcome: 200,
    });
  });

  it('refuses an admin making a clinical decision', async () => {
    const response = await stack.http
      .post(`/api/prescription-requests/${request.id}/reject`)
      .auth(await stack.token('admin'), { type: 'bearer' })
      .send({ reason: 'Admins do not decide.' });
    expect(response.status).toBe(403);
  });
});
