import { randomUUID } from 'node:crypto';
import { PendingRequest, RX_A, RX_B } from '../support/flow';
import { DemoUser, startStack, Stack } from '../support/stack';
import { signTestToken } from '../support/tokens';
import { waitFor } from '../support/wait-for';

/**
 * Every route of the OpenAPI document × every role × a record of their own, of another patient,
 * in a state the provider is not licensed for, and one that does not exist. Routes another change
 * adds are covered by the generic rules at the end (admin routes are for admins; nothing but the
 * documented public routes answers without a token).
 */
type Caller = 'anonymous' | DemoUser | 'admin-without-reason';
type Held = 'patient1-CA' | 'patient2-TX' | 'unknown';

const CALLERS: Caller[] = [
  'anonymous',
  'patient1',
  'patient2',
  'providerCa',
  'providerTx',
  'admin',
  'admin-without-reason',
];
const RECORDS: Held[] = ['patient1-CA', 'patient2-TX', 'unknown'];
const PUBLIC = new Set([
  'GET /api/products',
  'POST /api/auth/dev-login',
  'GET /api/health/live',
  'GET /api/health/ready',
]);

interface Fixture {
  order: string;
  encounter: string;
  prescription: string;
  pending: string;
}

/** Who may read a record, and what they are told otherwise (404 hides that it exists). */
function readExpectation(route: string, caller: Caller, record: Held): number {
  if (caller === 'anonymous') return 401;
  if (caller === 'admin-without-reason') return 400;
  const isOrder = route === 'GET /api/orders/{uuid}';
  if (isOrder && caller.startsWith('provider')) return 403;
  if (record === 'unknown') return 404;
  const allowed: { [caller: string]: Held } = {
    patient1: 'patient1-CA',
    patient2: 'patient2-TX',
    providerCa: 'patient1-CA',
    providerTx: 'patient2-TX',
  };
  if (caller === 'admin') return 200;
  return allowed[caller] === record ? 200 : 404;
}

/** Only a provider licensed in the order's state may decide; admins make no clinical decisions. */
function decisionExpectation(caller: Caller, record: Held): number {
  if (caller === 'anonymous') return 401;
  if (!caller.startsWith('provider')) return 403;
  if (record === 'unknown') return 404;
  const licensed = caller === 'providerCa' ? 'patient1-CA' : 'patient2-TX';
  return record === licensed ? 200 : 403;
}

describe('Authorization matrix: every route × role × own/other/unknown/foreign-state record', () => {
  let stack: Stack;
  let routes: string[];
  const fixtures = {} as { [R in Exclude<Held, 'unknown'>]: Fixture };

  async function recordOf(patient: DemoUser, state: string, provider: DemoUser): Promise<Fixture> {
    const placed = await stack.http
      .post('/api/orders')
      .set('Authorization', `Bearer ${signTestToken(patient)}`)
      .send({
        items: [RX_A, RX_B].map((productId) => ({ productId, quantity: 1 })),
        fulfillmentState: state,
      })
      .expect(201);
    // As the provider licensed in that state: only they are offered its requests.
    const requests = await waitFor(`requests of ${placed.body.uuid}`, async () => {
      const response = await stack.http
        .get('/api/prescription-requests')
        .set('Authorization', `Bearer ${signTestToken(provider)}`);
      const mine = (response.body as PendingRequest[]).filter(
        (r) => r.orderUuid === placed.body.uuid,
      );
      return mine.length === 2 ? mine : undefined;
    });
    const approval = await stack.http
      .post(`/api/prescription-requests/${requests[0].id}/approve`)
      .set('Authorization', `Bearer ${signTestToken(provider)}`)
      .send({ sig: 'Take one daily.', refills: 0 })
      .expect(201);
    return {
      order: placed.body.uuid,
      encounter: requests[0].encounterId,
      prescription: approval.body.prescription.id,
      pending: requests[1].id,
    };
  }

  beforeAll(async () => {
    stack = await startStack({}, { worker: false });
    fixtures['patient1-CA'] = await recordOf('patient1', 'CA', 'providerCa');
    fixtures['patient2-TX'] = await recordOf('patient2', 'TX', 'providerTx');
    const { body: document } = await stack.http.get('/api/docs-json').expect(200);
    routes = Object.entries(document.paths as object).flatMap(([path, operations]) =>
      Object.keys(operations as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
  });

  afterAll(() => stack.close());

  function call(route: string, caller: Caller, path: string, body?: object) {
    const [method] = route.split(' ');
    const test = stack.http[method.toLowerCase() as 'get' | 'post'](path);
    if (caller !== 'anonymous') {
      const user = caller === 'admin-without-reason' ? 'admin' : caller;
      test.set('Authorization', `Bearer ${signTestToken(user)}`);
    }
    if (caller === 'admin') test.set('X-Access-Reason', 'AUDIT-1: authorization matrix test');
    return body ? test.send(body) : test;
  }

  const idOf = (record: Held, key: keyof Fixture) =>
    record === 'unknown' ? randomUUID() : fixtures[record][key];

  it.each([
    ['GET /api/orders/{uuid}', 'order'],
    ['GET /api/encounters/{id}', 'encounter'],
    ['GET /api/prescriptions/{id}', 'prescription'],
  ] as const)('%s answers each caller as the care boundary says', async (route, key) => {
    const seen: string[] = [];
    const wanted: string[] = [];
    for (const caller of CALLERS) {
      for (const record of RECORDS) {
        const path = route.split(' ')[1].replace(/\{\w+\}/, idOf(record, key));
        seen.push(`${caller} ${record} ${(await call(route, caller, path)).status}`);
        wanted.push(`${caller} ${record} ${readExpectation(route, caller, record)}`);
      }
    }
    expect(seen).toEqual(wanted);
  });

  it.each(['reject', 'approve'])(
    'POST /api/prescription-requests/{id}/%s is for licensed providers only',
    async (decision) => {
      const seen: string[] = [];
      const wanted: string[] = [];
      // Refusals first: a decision that succeeds changes the request for the cells after it. The
      // licensed providers' own decisions run last, in the approve case only (201); after them a
      // rejection would meet an approved request.
      const all = CALLERS.flatMap((caller) => RECORDS.map((record) => ({ caller, record }))).map(
        (cell) => ({ ...cell, status: decisionExpectation(cell.caller, cell.record) }),
      );
      const refusals = all.filter((cell) => cell.status !== 200);
      const allowed = all
        .filter((cell) => cell.status === 200)
        .map((cell) => ({ ...cell, status: 201 }));
      const cells = decision === 'approve' ? [...refusals, ...allowed] : refusals;
      expect(allowed.map((cell) => `${cell.caller} ${cell.record}`)).toEqual([
        'providerCa patient1-CA',
        'providerTx patient2-TX',
      ]);
      const body =
        decision === 'approve' ? { sig: 'Take one daily.', refills: 0 } : { reason: 'No.' };
      for (const { caller, record, status } of cells) {
        const path = `/api/prescription-requests/${idOf(record, 'pending')}/${decision}`;
        seen.push(`${caller} ${record} ${(await call('POST x', caller, path, body)).status}`);
        wanted.push(`${caller} ${record} ${status}`);
      }
      expect(seen).toEqual(wanted);
    },
  );

  it('lists only what each caller may see', async () => {
    const list = async (path: string, caller: Caller) => {
      const response = await call(`GET ${path}`, caller, path);
      return { status: response.status, body: response.body };
    };
    const p1 = await list('/api/orders', 'patient1');
    expect(p1.status).toBe(200);
    expect(p1.body.map((o: { uuid: string }) => o.uuid)).toContain(fixtures['patient1-CA'].order);
    expect(p1.body.map((o: { uuid: string }) => o.uuid)).not.toContain(
      fixtures['patient2-TX'].order,
    );
    const ca = await list('/api/prescription-requests', 'providerCa');
    expect(ca.body.map((r: { fulfillmentState: string }) => r.fulfillmentState)).not.toContain(
      'TX',
    );
    for (const caller of ['providerCa', 'admin'] as const) {
      expect((await list('/api/orders', caller)).status).toBe(403);
      expect((await list('/api/notifications', caller)).status).toBe(403);
    }
    for (const caller of ['patient1', 'admin'] as const) {
      expect((await list('/api/prescription-requests', caller)).status).toBe(403);
    }
  });

  it('answers 401 without a token on every route but the documented public ones', async () => {
    for (const route of routes.filter((r) => !PUBLIC.has(r))) {
      const path = route.split(' ')[1].replace(/\{\w+\}/g, randomUUID());
      const response = await call(
        route,
        'anonymous',
        path,
        route.startsWith('POST') ? {} : undefined,
      );
      expect(`${route} ${response.status}`).toBe(`${route} 401`);
    }
    for (const route of PUBLIC) expect(routes).toContain(route);
  });

  it('keeps every admin route, including ones added later, from patients and providers', async () => {
    const admin = routes.filter((route) => route.split(' ')[1].startsWith('/api/admin/'));
    expect(admin.length).toBeGreaterThan(0);
    for (const route of admin) {
      const path = route.split(' ')[1].replace(/\{\w+\}/g, randomUUID());
      for (const caller of ['patient1', 'providerCa'] as const) {
        const response = await call(route, caller, path, route.startsWith('POST') ? {} : undefined);
        expect(`${caller} ${route} ${response.status}`).toBe(`${caller} ${route} 403`);
      }
      const byAdmin = await call(route, 'admin', path, route.startsWith('POST') ? {} : undefined);
      expect([401, 403]).not.toContain(byAdmin.status);
      expect(byAdmin.status).toBeLessThan(500);
    }
  });
});
