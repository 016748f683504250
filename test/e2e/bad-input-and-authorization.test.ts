import { JwtService } from '@nestjs/jwt';
import { DEMO_USERS } from '@pharmacy/identity';
import type { ProblemDetails } from '@pharmacy/platform/testing';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { OTC, PendingRequest, RX_A, RX_B, pendingRequestsOf, placeOrder } from '../support/flow';
import { DemoUser, Stack, startStack } from '../support/stack';
import {
  signTestToken,
  TEST_JWT_AUDIENCE,
  TEST_JWT_ISSUER,
  TEST_JWT_KEY_ID,
} from '../support/tokens';
import { waitFor } from '../support/wait-for';

type Problem = ProblemDetails;

interface Expectation {
  /** What the detail must say. */
  detail?: RegExp;
  /** For validation errors: exactly the fields the problem must name. */
  fields?: string[];
}

/** The rows a refused request must not touch. */
interface Counts {
  orders: number;
  orderItems: number;
  idempotencyKeys: number;
  encounters: number;
  decidedRequests: number;
  prescriptions: number;
}

const GOOD_ORDER = { items: [{ productId: OTC, quantity: 1 }], fulfillmentState: 'CA' };
const PATIENT1_CLAIMS = {
  sub: DEMO_USERS.patient1.id,
  email: DEMO_USERS.patient1.email,
  role: DEMO_USERS.patient1.role,
};
const foreignSigner = new JwtService({
  secret: 'another-secret-that-is-also-32-characters-long',
  signOptions: {
    algorithm: 'HS256',
    keyid: TEST_JWT_KEY_ID,
    issuer: TEST_JWT_ISSUER,
    audience: TEST_JWT_AUDIENCE,
    expiresIn: 600,
  },
});

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('Bad input and unauthorised callers are refused with problem details, and change nothing', () => {
  let stack: Stack;
  let db: DataSource;

  beforeAll(async () => {
    stack = await startStack();
    db = stack.api.get(DataSource);
  });

  afterAll(() => stack.close());

  // --- helpers ------------------------------------------------------------------------------

  async function counts(): Promise<Counts> {
    const [row] = await db.query(`
      select
        (select count(*) from orders)::int as "orders",
        (select count(*) from order_items)::int as "orderItems",
        (select count(*) from order_idempotency_keys)::int as "idempotencyKeys",
        (select count(*) from encounters)::int as "encounters",
        (select count(*) from prescription_requests where status <> 'pending')::int as "decidedRequests",
        (select count(*) from prescriptions)::int as "prescriptions"`);
    return row;
  }

  /** Asserts the RFC 9457 shape of a refusal and returns its body. */
  function expectProblem(
    response: Response,
    status: number,
    { detail, fields }: Expectation = {},
  ): Problem {
    // Status and body together, so a failure shows what the server said.
    expect({ status: response.status, body: response.body }).toMatchObject({
      status,
      body: {
        type: expect.any(String),
        title: expect.any(String),
        status,
        detail: expect.any(String),
      },
    });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json\b/);
    const problem = response.body as Problem;
    expect(problem.type.length).toBeGreaterThan(0);
    expect(problem.title.length).toBeGreaterThan(0);
    expect(problem.detail.trim().length).toBeGreaterThan(5);
    if (detail) expect(problem.detail).toMatch(detail);
    if (fields) {
      expect(problem.errors).toEqual(expect.any(Array));
      for (const error of problem.errors!) {
        expect(error).toEqual({ field: expect.any(String), message: expect.any(String) });
        expect(error.message.length).toBeGreaterThan(0);
      }
      const named = new Set(problem.errors!.map((error) => error.field));
      expect([...named].sort()).toEqual([...fields].sort());
    } else {
      expect(problem.errors).toBeUndefined();
    }
    return problem;
  }

  /**
   * Runs `act`, expects it refused as described, expects no row counted by {@link counts} to have
   * changed, and expects the server to still answer a good request.
   */
  async function expectRefusedWithoutChange(
    act: () => Promise<Response>,
    status: number,
    expectation: Expectation = {},
  ): Promise<Problem> {
    const before = await counts();
    const problem = expectProblem(await act(), status, expectation);
    expect(await counts()).toEqual(before);
    await stack.http.get('/api/products').expect(200);
    return problem;
  }

  async function auth(user: DemoUser): Promise<string> {
    return `Bearer ${await stack.token(user)}`;
  }

  async function postOrder(
    body: string | object,
    { as = 'patient1', key }: { as?: DemoUser; key?: string } = {},
  ) {
    const call = stack.http.post('/api/orders').set('Authorization', await auth(as));
    if (key !== undefined) call.set('Idempotency-Key', key);
    if (typeof body === 'string') call.set('Content-Type', 'application/json');
    return call.send(body);
  }

  async function decide(
    requestId: string,
    as: DemoUser,
    decision: 'approve' | 'reject',
    body: object = decision === 'approve'
      ? { sig: 'Take one tablet daily.', refills: 1 }
      : { reason: 'Not indicated.' },
  ) {
    return stack.http
      .post(`/api/prescription-requests/${requestId}/${decision}`)
      .set('Authorization', await auth(as))
      .send(body);
  }

  /** The encounter as a provider reads it over HTTP, without the prescriptions (which the worker updates). */
  async function encounterState(encounterId: string) {
    const response = await stack.http
      .get(`/api/encounters/${encounterId}`)
      .set('Authorization', await auth('providerCa'))
      .expect(200);
    const { providerId, status, requests } = response.body;
    return { providerId, status, requests };
  }

  async function pendingRequestOfNewOrder(
    productIds = [RX_A],
    state = 'CA',
  ): Promise<PendingRequest[]> {
    const order = await placeOrder(stack, productIds, state);
    return pendingRequestsOf(stack, order.uuid, productIds.length);
  }

  // --- POST /api/orders: bad bodies ---------------------------------------------------------

  it.each<[string, string]>([
    ['truncated JSON', '{"items": [{"productId": "ibuprofen-200mg", "quantity": 1}'],
    ['JSON with a trailing comma', '{"items": [], "fulfillmentState": "CA",}'],
    ['a bare JSON string, not an object', '"place an order"'],
  ])('refuses %s with 400 and keeps serving', async (_, raw) => {
    // A fixed detail: not the parser's message, which quotes the body back.
    const problem = await expectRefusedWithoutChange(() => postOrder(raw), 400, {
      detail: /^The request body is not valid JSON\.$/,
    });
    expect(problem.title).toBe('Bad Request');
  });

  const line = (productId: unknown, quantity: unknown = 1) => ({ productId, quantity });
  const order = (items: unknown, fulfillmentState: unknown = 'CA') => ({ items, fulfillmentState });

  it.each<[string, object, string[]]>([
    // wrong types
    ['items that are a string', order('ibuprofen-200mg'), ['items']],
    ['items that are an object', order(line(OTC)), ['items']],
    ['a line that is not an object', order([42]), ['items.0']],
    ['a quantity sent as a string', order([line(OTC, '2')]), ['items.0.quantity']],
    ['a fractional quantity', order([line(OTC, 1.5)]), ['items.0.quantity']],
    ['a numeric product id', order([line(42)]), ['items.0.productId']],
    ['a numeric state', order([line(OTC)], 6), ['fulfillmentState']],
    // missing fields
    ['an empty body', {}, ['items', 'fulfillmentState']],
    ['a missing state', { items: [line(OTC)] }, ['fulfillmentState']],
    ['missing items', { fulfillmentState: 'CA' }, ['items']],
    ['a line without quantity', order([{ productId: OTC }]), ['items.0.quantity']],
    ['a line without product', order([{ quantity: 1 }]), ['items.0.productId']],
    ['an empty product id', order([line('')]), ['items.0.productId']],
    // out of range
    ['quantity 0', order([line(OTC, 0)]), ['items.0.quantity']],
    ['quantity 11', order([line(OTC, 11)]), ['items.0.quantity']],
    ['a bad quantity on the second line', order([line(OTC), line(RX_A, 11)]), ['items.1.quantity']],
    ['no items', order([]), ['items']],
    ['21 items', order(Array.from({ length: 21 }, (_, i) => line(`product-${i}`))), ['items']],
    // state codes
    ['a lower-case state', order([line(OTC)], 'ca'), ['fulfillmentState']],
    ['a state that does not exist', order([line(OTC)], 'XX'), ['fulfillmentState']],
    ['a three-letter state', order([line(OTC)], 'CAL'), ['fulfillmentState']],
    ['an empty state', order([line(OTC)], ''), ['fulfillmentState']],
    // unknown fields
    ['an unknown top-level field', { ...GOOD_ORDER, couponCode: 'FREE' }, ['couponCode']],
    [
      'an unknown field on a line',
      order([{ ...line(OTC), priceCents: 1 }]),
      ['items.0.priceCents'],
    ],
  ])('refuses an order with %s: 400 naming the field', async (_, body, fields) => {
    const problem = await expectRefusedWithoutChange(() => postOrder(body), 400, {
      detail: /invalid fields/,
      fields,
    });
    expect(problem.title).toBe('Validation Failed');
  });

  it.each<[string, object, string, RegExp]>([
    [
      'an unknown product',
      order([line(OTC), line('unicorn-tears')]),
      'items.1.productId',
      /unknown product unicorn-tears/,
    ],
    [
      'a product listed twice',
      order([line(RX_A), line(OTC), line(RX_A, 2)]),
      'items.2.productId',
      /more than once/,
    ],
  ])('refuses an order with %s: 400 naming the line', async (_, body, field, message) => {
    const problem = await expectRefusedWithoutChange(() => postOrder(body), 400, {
      detail: /unknown or repeated products/,
      fields: [field],
    });
    expect(problem.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
  });

  // --- hostile input -----------------------------------------------------------------------

  it.each<[string, object, string]>([
    ['a NUL in a product id', order([line('ibuprofen\u0000-200mg')]), 'items.0.productId'],
    ['a bell character in a product id', order([line('ibuprofen\u0007')]), 'items.0.productId'],
    ['a lone surrogate in a product id', order([line('ibuprofen\ud800')]), 'items.0.productId'],
    ['a product id of 101 characters', order([line('p'.repeat(101))]), 'items.0.productId'],
  ])('refuses an order with %s: 400 naming the field', async (_, body, field) => {
    await expectRefusedWithoutChange(() => postOrder(body), 400, {
      detail: /invalid fields/,
      fields: [field],
    });
  });

  it('refuses a body nested deeper than the API ever needs, even inside an unknown field', async () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const raw = `{"items":[{"productId":"${OTC}","quantity":1}],"fulfillmentState":"CA","extra":${deep}}`;
    await expectRefusedWithoutChange(() => postOrder(raw), 400, { detail: /nested deeper/ });
  });

  it.each<[string, string]>([
    [
      'at the top',
      `{"__proto__": {"admin": true}, "items": [{"productId": "${OTC}", "quantity": 1}], "fulfillmentState": "CA"}`,
    ],
    [
      'on a line',
      `{"items": [{"productId": "${OTC}", "quantity": 1, "__proto__": {"quantity": 9}}], "fulfillmentState": "CA"}`,
    ],
    [
      'named constructor',
      `{"constructor": {"prototype": {}}, "items": [], "fulfillmentState": "CA"}`,
    ],
  ])('refuses a body with a prototype key %s', async (_, raw) => {
    await expectRefusedWithoutChange(() => postOrder(raw), 400, { detail: /must not have a key/ });
  });

  it.each<[string, string, string]>([
    ['text/plain', 'text/plain', JSON.stringify(GOOD_ORDER)],
    ['a form', 'application/x-www-form-urlencoded', 'fulfillmentState=CA'],
    ['XML', 'application/xml', '<order/>'],
  ])('refuses a body sent as %s with 415', async (_, type, raw) => {
    await expectRefusedWithoutChange(
      async () =>
        stack.http
          .post('/api/orders')
          .set('Authorization', await auth('patient1'))
          .set('Content-Type', type)
          .send(raw),
      415,
      { detail: /application\/json/ },
    );
  });

  it.each<[string, string, DemoUser, string[]]>([
    [
      'a route without query parameters',
      '/api/orders?patientId=someone',
      'patient1',
      ['patientId'],
    ],
    [
      'a route with a query DTO',
      '/api/prescription-requests?status=pending&all=true',
      'providerCa',
      ['all'],
    ],
  ])('refuses an unknown query parameter on %s', async (_, path, as, fields) => {
    await expectRefusedWithoutChange(
      async () => stack.http.get(path).set('Authorization', await auth(as)),
      400,
      { fields },
    );
  });

  it.each<[string, 'approve' | 'reject', object, string]>([
    ['a NUL in a sig', 'approve', { sig: 'Take one\u0000 daily.', refills: 0 }, 'sig'],
    ['an escape sequence in a sig', 'approve', { sig: 'Take \u001b[31mone', refills: 0 }, 'sig'],
    ['a NUL in a rejection reason', 'reject', { reason: 'No\u0000.' }, 'reason'],
  ])(
    'refuses a decision with %s, leaving the request pending',
    async (_, decision, body, field) => {
      const [request] = await pendingRequestOfNewOrder();
      await expectRefusedWithoutChange(
        () => decide(request.id, 'providerCa', decision, body),
        400,
        {
          fields: [field],
        },
      );
      expect((await encounterState(request.encounterId)).requests[0].status).toBe('pending');
    },
  );

  it('takes a multi-line rejection reason', async () => {
    const [request] = await pendingRequestOfNewOrder();
    const response = await decide(request.id, 'providerCa', 'reject', {
      reason: 'Contraindicated.\nSee the interaction note.',
    });
    expect(response.status).toBe(200);
  });

  // --- Idempotency-Key ----------------------------------------------------------------------

  it('replays the first answer to a retry with the same Idempotency-Key and body, creating one order', async () => {
    const key = `retry-${randomUUID()}`;
    const before = await counts();

    const first = await postOrder(GOOD_ORDER, { key });
    expect(first.status).toBe(201);
    const retry = await postOrder(GOOD_ORDER, { key });
    expect(retry.status).toBe(201);

    expect(retry.body).toEqual(first.body);
    expect(await counts()).toEqual({
      ...before,
      orders: before.orders + 1,
      orderItems: before.orderItems + 1,
      idempotencyKeys: before.idempotencyKeys + 1,
    });
  });

  it('refuses the same Idempotency-Key with a different body with 422, and still replays the first', async () => {
    const key = `retry-${randomUUID()}`;
    const first = await postOrder(GOOD_ORDER, { key });
    expect(first.status).toBe(201);

    await expectRefusedWithoutChange(
      () => postOrder({ ...GOOD_ORDER, fulfillmentState: 'NY' }, { key }),
      422,
      { detail: /already used with a different request body/ },
    );

    const replay = await postOrder(GOOD_ORDER, { key });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
  });

  it('creates one order, never more, from five concurrent requests with the same Idempotency-Key', async () => {
    const key = `burst-${randomUUID()}`;
    const before = await counts();

    const responses = await Promise.all(
      Array.from({ length: 5 }, () => postOrder(GOOD_ORDER, { key })),
    );

    const created = responses.filter((response) => response.status === 201);
    for (const response of responses.filter((r) => r.status !== 201)) expectProblem(response, 409);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((response) => response.body.uuid)).size).toBe(1);
    for (const response of created) expect(response.body).toEqual(created[0].body);
    expect(await counts()).toEqual({
      ...before,
      orders: before.orders + 1,
      orderItems: before.orderItems + 1,
      idempotencyKeys: before.idempotencyKeys + 1,
    });
  });

  it.each<[string, string]>([
    ['one with a space', 'two words'],
    ['one of 256 characters', 'k'.repeat(256)],
  ])('refuses a malformed Idempotency-Key, %s, with 400', async (_, key) => {
    await expectRefusedWithoutChange(() => postOrder(GOOD_ORDER, { key }), 400, {
      detail: /Idempotency-Key/,
    });
  });

  // --- authentication -----------------------------------------------------------------------

  it.each<[string, () => string | undefined]>([
    ['no Authorization header', () => undefined],
    ['a Basic Authorization header', () => 'Basic cGF0aWVudDE6c2VjcmV0'],
    ['a bearer value that is not a JWT', () => 'Bearer not-a-token'],
    ['a bearer token with characters no token has', () => 'Bearer abc def'],
    ['a token signed with another secret', () => `Bearer ${foreignSigner.sign(PATIENT1_CLAIMS)}`],
    ['an expired token', () => `Bearer ${signTestToken('patient1', {}, { expiresIn: -60 })}`],
    [
      'a token without exp',
      () => `Bearer ${signTestToken('patient1', {}, { expiresIn: undefined })}`,
    ],
    [
      'a token valid for a hundred years',
      () => `Bearer ${signTestToken('patient1', {}, { expiresIn: '100y' })}`,
    ],
    [
      'a token issued in the future',
      () => `Bearer ${signTestToken('patient1', { iat: Math.floor(Date.now() / 1000) + 3600 })}`,
    ],
    [
      'a token from another issuer',
      () => `Bearer ${signTestToken('patient1', {}, { issuer: 'evil' })}`,
    ],
    [
      'a token for another audience',
      () => `Bearer ${signTestToken('patient1', {}, { audience: 'another-api' })}`,
    ],
    [
      'a token naming an unknown key',
      () => `Bearer ${signTestToken('patient1', {}, { keyid: 'k9' })}`,
    ],
    [
      'a token naming no key',
      () => `Bearer ${signTestToken('patient1', {}, { keyid: undefined })}`,
    ],
    [
      'a token for a user who does not exist',
      () => `Bearer ${signTestToken('patient1', { sub: randomUUID() })}`,
    ],
    [
      'a token whose subject is not a UUID',
      () => `Bearer ${signTestToken('patient1', { sub: "x' or 1=1 --" })}`,
    ],
    [
      'a token claiming a role its user does not have',
      () => `Bearer ${signTestToken('patient1', { role: 'admin' })}`,
    ],
    [
      'an unsigned token (alg none)',
      () => `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(PATIENT1_CLAIMS)}.`,
    ],
    [
      'a validly signed token with an unknown role',
      () => `Bearer ${signTestToken('patient1', { role: 'root' })}`,
    ],
  ])('answers 401 to %s on a protected route', async (_, header) => {
    const authorization = header();
    const problem = await expectRefusedWithoutChange(
      () => {
        const call = stack.http.post('/api/orders');
        if (authorization !== undefined) call.set('Authorization', authorization);
        return call.send(GOOD_ORDER);
      },
      401,
      { detail: /bearer token/ },
    );
    expect(problem.title).toBe('Unauthorized');

    const listing = stack.http.get('/api/orders');
    if (authorization !== undefined) listing.set('Authorization', authorization);
    expectProblem(await listing, 401, { detail: /bearer token/ });
  });

  it('accepts a token signed with the right key, issuer, audience and lifetime (the control for the 401 cases)', async () => {
    await stack.http
      .get('/api/orders')
      .set('Authorization', `Bearer ${signTestToken('patient1')}`)
      .expect(200);
  });

  it.each(['bearer', 'BEARER', 'BeArEr'])('accepts the scheme written %s', async (scheme) => {
    await stack.http
      .get('/api/orders')
      .set('Authorization', `${scheme} ${signTestToken('patient1')}`)
      .expect(200);
  });

  it('serves the catalog without a token', async () => {
    const response = await stack.http.get('/api/products').expect(200);
    expect(response.body).toHaveLength(5);
    expect(response.body).toContainEqual(
      expect.objectContaining({ id: OTC, requiresPrescription: false }),
    );
  });

  // --- roles --------------------------------------------------------------------------------

  it('refuses a provider placing an order with 403', async () => {
    await expectRefusedWithoutChange(() => postOrder(GOOD_ORDER, { as: 'providerCa' }), 403, {
      detail: /not allowed for the provider role/,
    });
  });

  it('refuses a patient approving or rejecting a prescription request with 403, leaving it pending', async () => {
    const [request] = await pendingRequestOfNewOrder();
    const before = await encounterState(request.encounterId);

    for (const decision of ['approve', 'reject'] as const) {
      await expectRefusedWithoutChange(() => decide(request.id, 'patient1', decision), 403, {
        detail: /not allowed for the patient role/,
      });
    }
    expect(await encounterState(request.encounterId)).toEqual(before);
    expect(before.requests.find((r: { id: string }) => r.id === request.id).status).toBe('pending');
  });

  it('refuses a patient listing prescription requests with 403', async () => {
    await expectRefusedWithoutChange(
      async () =>
        stack.http.get('/api/prescription-requests').set('Authorization', await auth('patient1')),
      403,
      { detail: /not allowed for the patient role/ },
    );
  });

  // --- which provider -----------------------------------------------------------------------

  it("refuses a provider not licensed in the order's state with 403, leaving the request pending", async () => {
    const [request] = await pendingRequestOfNewOrder([RX_A], 'CA');
    const before = await encounterState(request.encounterId);

    for (const decision of ['approve', 'reject'] as const) {
      await expectRefusedWithoutChange(() => decide(request.id, 'providerTx', decision), 403, {
        detail: /not licensed in this order's fulfillment state/,
      });
    }
    expect(await encounterState(request.encounterId)).toEqual(before);
    expect(before).toMatchObject({ providerId: null, status: 'open' });
  });

  it("refuses a licensed provider deciding on another provider's encounter with 403", async () => {
    const [first, second] = await pendingRequestOfNewOrder([RX_A, RX_B], 'CA');
    expect((await decide(first.id, 'providerCa', 'approve')).status).toBe(201);

    await db.query(`insert into provider_licenses (provider_id, state) values ($1, 'CA')`, [
      DEMO_USERS.providerTx.id,
    ]);
    try {
      const before = await encounterState(second.encounterId);
      expect(before.providerId).toBe(DEMO_USERS.providerCa.id);

      for (const decision of ['approve', 'reject'] as const) {
        await expectRefusedWithoutChange(() => decide(second.id, 'providerTx', decision), 403, {
          detail: /Another provider is already reviewing this encounter/,
        });
      }
      expect(await encounterState(second.encounterId)).toEqual(before);
      expect(before.requests.map((r: { status: string }) => r.status)).toEqual([
        'approved',
        'pending',
      ]);

      // Nor is it offered to them.
      const offered = await stack.http
        .get('/api/prescription-requests')
        .set('Authorization', await auth('providerTx'))
        .expect(200);
      expect(offered.body.map((r: PendingRequest) => r.id)).not.toContain(second.id);
    } finally {
      await db.query(`delete from provider_licenses where provider_id = $1 and state = 'CA'`, [
        DEMO_USERS.providerTx.id,
      ]);
    }
  });

  // --- illegal transitions ------------------------------------------------------------------

  it('refuses approving or rejecting an approved request with 409, writing no second prescription', async () => {
    const [request] = await pendingRequestOfNewOrder();
    expect((await decide(request.id, 'providerCa', 'approve')).status).toBe(201);
    const before = await encounterState(request.encounterId);

    for (const decision of ['approve', 'reject'] as const) {
      await expectRefusedWithoutChange(() => decide(request.id, 'providerCa', decision), 409, {
        detail: /already approved/,
      });
    }
    expect(await encounterState(request.encounterId)).toEqual(before);
    const [{ count }] = await db.query(
      'select count(*)::int as count from prescriptions where prescription_request_id = $1',
      [request.id],
    );
    expect(count).toBe(1);
  });

  it('refuses approving a rejected request with 409, writing no prescription', async () => {
    const [request] = await pendingRequestOfNewOrder();
    expect((await decide(request.id, 'providerCa', 'reject')).status).toBe(200);

    await expectRefusedWithoutChange(() => decide(request.id, 'providerCa', 'approve'), 409, {
      detail: /already rejected/,
    });
    const [{ count }] = await db.query(
      'select count(*)::int as count from prescriptions where prescription_request_id = $1',
      [request.id],
    );
    expect(count).toBe(0);
  });

  // --- unknown and malformed ids ------------------------------------------------------------

  const unknown = randomUUID();
  /** A read, or a decision with a valid body, on `path`: only the id in the path is at fault. */
  const callById = async (method: 'get' | 'post', path: string, as: DemoUser) => {
    const call = stack.http[method](path).set('Authorization', await auth(as));
    if (method === 'get') return call;
    return call.send(
      path.endsWith('/approve') ? { sig: 'Take one daily.', refills: 0 } : { reason: 'No.' },
    );
  };

  it.each<[string, 'get' | 'post', string, DemoUser]>([
    [
      'approving an unknown request',
      'post',
      `/api/prescription-requests/${unknown}/approve`,
      'providerCa',
    ],
    [
      'rejecting an unknown request',
      'post',
      `/api/prescription-requests/${unknown}/reject`,
      'providerCa',
    ],
    ['reading an unknown order', 'get', `/api/orders/${unknown}`, 'patient1'],
    ['reading an unknown encounter', 'get', `/api/encounters/${unknown}`, 'providerCa'],
    ['reading an unknown prescription', 'get', `/api/prescriptions/${unknown}`, 'providerCa'],
  ])('answers 404 to %s', async (_, method, path, as) => {
    await expectRefusedWithoutChange(() => callById(method, path, as), 404, {
      detail: new RegExp(`${unknown} was not found`),
    });
  });

  it.each<[string, 'get' | 'post', string, DemoUser]>([
    ['approving', 'post', '/api/prescription-requests/not-a-uuid/approve', 'providerCa'],
    ['rejecting', 'post', '/api/prescription-requests/not-a-uuid/reject', 'providerCa'],
    ['reading an order by', 'get', '/api/orders/not-a-uuid', 'patient1'],
    ['reading an encounter by', 'get', '/api/encounters/not-a-uuid', 'providerCa'],
    ['reading a prescription by', 'get', '/api/prescriptions/not-a-uuid', 'providerCa'],
  ])('answers 400 to %s a malformed id', async (_, method, path, as) => {
    await expectRefusedWithoutChange(() => callById(method, path, as), 400, { detail: /uuid/ });
  });

  // --- another patient's records ------------------------------------------------------------

  it("answers 404 to a patient reading another patient's order or encounter, as if it did not exist", async () => {
    const [request] = await pendingRequestOfNewOrder();
    const patient2 = await auth('patient2');

    const order = await expectRefusedWithoutChange(
      () => stack.http.get(`/api/orders/${request.orderUuid}`).set('Authorization', patient2),
      404,
      { detail: new RegExp(`Order ${request.orderUuid} was not found`) },
    );
    expect(order.title).toBe('Not Found');
    await expectRefusedWithoutChange(
      () => stack.http.get(`/api/encounters/${request.encounterId}`).set('Authorization', patient2),
      404,
      { detail: new RegExp(`Encounter ${request.encounterId} was not found`) },
    );
    const own = await stack.http.get('/api/orders').set('Authorization', patient2).expect(200);
    expect(own.body.map((o: { uuid: string }) => o.uuid)).not.toContain(request.orderUuid);

    // The owner still reads both.
    await stack.http
      .get(`/api/orders/${request.orderUuid}`)
      .set('Authorization', await auth('patient1'))
      .expect(200);
    await stack.http
      .get(`/api/encounters/${request.encounterId}`)
      .set('Authorization', await auth('patient1'))
      .expect(200);
  });

  // --- decision bodies ----------------------------------------------------------------------

  let requestForBadBodies: PendingRequest | undefined;
  async function pendingRequestForBadBodies(): Promise<PendingRequest> {
    requestForBadBodies ??= (await pendingRequestOfNewOrder())[0];
    return requestForBadBodies;
  }

  it.each<[string, 'approve' | 'reject', object, string]>([
    ['an empty sig', 'approve', { sig: '', refills: 0 }, 'sig'],
    ['a sig of 501 characters', 'approve', { sig: 's'.repeat(501), refills: 0 }, 'sig'],
    ['a numeric sig', 'approve', { sig: 7, refills: 0 }, 'sig'],
    ['no sig', 'approve', { refills: 0 }, 'sig'],
    ['12 refills', 'approve', { sig: 'Take one daily.', refills: 12 }, 'refills'],
    ['-1 refills', 'approve', { sig: 'Take one daily.', refills: -1 }, 'refills'],
    ['refills sent as a string', 'approve', { sig: 'Take one daily.', refills: '1' }, 'refills'],
    ['fractional refills', 'approve', { sig: 'Take one daily.', refills: 0.5 }, 'refills'],
    ['no refills', 'approve', { sig: 'Take one daily.' }, 'refills'],
    ['an unknown field', 'approve', { sig: 'Take one daily.', refills: 0, dose: '5mg' }, 'dose'],
    ['an empty reason', 'reject', { reason: '' }, 'reason'],
    ['no reason', 'reject', {}, 'reason'],
  ])(
    'refuses a decision with %s: 400 naming the field, request still pending',
    async (_, decision, body, field) => {
      const request = await pendingRequestForBadBodies();
      const before = await encounterState(request.encounterId);

      const problem = await expectRefusedWithoutChange(
        () => decide(request.id, 'providerCa', decision, body),
        400,
        {
          detail: /invalid fields/,
          fields: [field],
        },
      );
      expect(problem.title).toBe('Validation Failed');
      expect(await encounterState(request.encounterId)).toEqual(before);
      expect(before).toMatchObject({
        providerId: null,
        status: 'open',
        requests: [{ status: 'pending' }],
      });
    },
  );

  it('still approves the request once the body is valid', async () => {
    const request = await pendingRequestForBadBodies();
    const approval = await decide(request.id, 'providerCa', 'approve', {
      sig: 'Take one daily.',
      refills: 11,
    });
    expect(approval.status).toBe(201);
    expect(approval.body.request).toEqual({ id: request.id, status: 'approved' });
  });

  // --- dev login ----------------------------------------------------------------------------

  it.each<[string, object, number, Expectation]>([
    [
      'an email no seeded user has',
      { email: 'nobody@example.com' },
      401,
      { detail: /No seeded user/ },
    ],
    [
      'an invalid email',
      { email: 'not-an-email' },
      400,
      { detail: /invalid fields/, fields: ['email'] },
    ],
    ['no email', {}, 400, { detail: /invalid fields/, fields: ['email'] }],
    [
      'an unknown field',
      { email: 'patient1@example.com', password: 'x' },
      400,
      { fields: ['password'] },
    ],
  ])('refuses a dev login with %s', async (_, body, status, expectation) => {
    await expectRefusedWithoutChange(
      () => stack.http.post('/api/auth/dev-login').send(body),
      status,
      expectation,
    );
  });

  // --- and afterwards -----------------------------------------------------------------------

  it('still places and ships a good order after all these refusals', async () => {
    const placed = await placeOrder(stack, [OTC]);
    expect(placed.status).toBe('ready_for_fulfillment');
    await waitFor(`order ${placed.uuid} fulfilled`, async () => {
      const response = await stack.http
        .get(`/api/orders/${placed.uuid}`)
        .set('Authorization', await auth('patient1'))
        .expect(200);
      return response.body.status === 'fulfilled';
    });
  });
});
