import { DEMO_USERS } from '@pharmacy/identity';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { OTC, pendingRequestsOf, RX_A, RX_B, RX_C } from '../support/flow';
import { DemoUser, startStack, Stack } from '../support/stack';
import { startStackBehindProxy, StackBehindProxy } from '../support/stack-behind-proxy';
import { testEnv } from '../support/test-env';
import { signTestToken } from '../support/tokens';
import { describeWithRedis } from '../support/needs';

/**
 * Counters and blocks are shared by every stack on the test Redis (as by every API instance in
 * production): other suites' must not count here, and the blocks made here must not outlive it.
 */
async function forgetCounters(): Promise<void> {
  const redis = new Redis(testEnv.redisUrl);
  const stale = await redis.keys('rate-limit:*');
  if (stale.length > 0) await redis.del(...stale);
  redis.disconnect();
}

// Counted in Redis, as with several API replicas; each test starts from cleared counters.
describeWithRedis('Rate limits on login, order placement and clinical decisions', () => {
  let stack: Stack;
  let db: DataSource;

  beforeAll(async () => {
    stack = await startStack({
      RATE_LIMIT_LOGIN: '3',
      RATE_LIMIT_ORDERS: '2',
      RATE_LIMIT_DECISIONS: '2',
      RATE_LIMIT_WINDOW_SECONDS: '60',
    });
    db = stack.api.get(DataSource);
  });

  afterAll(async () => {
    await stack.close();
    await forgetCounters();
  });

  const bearer = (user: DemoUser) => `Bearer ${signTestToken(user)}`;
  const orderCount = async () =>
    (await db.query('select count(*)::int as n from orders'))[0].n as number;

  function expectTooMany(response: {
    status: number;
    headers: Record<string, string>;
    body: Record<string, unknown>;
  }) {
    expect(response.status).toBe(429);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    const retryAfter = Number(response.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  }

  beforeEach(forgetCounters);

  it('refuses the fourth login from one address within the window with 429 and Retry-After', async () => {
    const login = () =>
      stack.http.post('/api/auth/dev-login').send({ email: DEMO_USERS.patient1.email });
    for (let i = 0; i < 3; i += 1) expect((await login()).status).toBe(200);
    expectTooMany(await login());
  });

  it("refuses a patient's third order in the window without writing it, and counts per patient", async () => {
    const place = (user: DemoUser) =>
      stack.http
        .post('/api/orders')
        .set('Authorization', bearer(user))
        .send({ items: [{ productId: OTC, quantity: 1 }], fulfillmentState: 'CA' });
    expect((await place('patient1')).status).toBe(201);
    expect((await place('patient1')).status).toBe(201);
    const before = await orderCount();
    expectTooMany(await place('patient1'));
    expect(await orderCount()).toBe(before);
    expect((await place('patient2')).status).toBe(201);
  });

  it("refuses a provider's third decision in the window, leaving the request pending", async () => {
    const placed = await stack.http
      .post('/api/orders')
      .set('Authorization', bearer('patient2'))
      .send({
        items: [RX_A, RX_B, RX_C].map((productId) => ({ productId, quantity: 1 })),
        fulfillmentState: 'CA',
      })
      .expect(201);
    const requests = await pendingRequestsOf(stack, placed.body.uuid, 3);
    const approve = (id: string) =>
      stack.http
        .post(`/api/prescription-requests/${id}/approve`)
        .set('Authorization', bearer('providerCa'))
        .send({ sig: 'Take one daily.', refills: 0 });
    expect((await approve(requests[0].id)).status).toBe(201);
    expect((await approve(requests[1].id)).status).toBe(201);
    expectTooMany(await approve(requests[2].id));
    const [{ status }] = await db.query('select status from prescription_requests where id = $1', [
      requests[2].id,
    ]);
    expect(status).toBe('pending');
  });

  it('does not limit reads', async () => {
    for (let i = 0; i < 10; i += 1) {
      await stack.http.get('/api/orders').set('Authorization', bearer('patient1')).expect(200);
    }
  });
});

describeWithRedis('Rate limits while Redis is away', () => {
  let stack: StackBehindProxy;

  beforeAll(async () => {
    stack = await startStackBehindProxy('REDIS_URL', { RATE_LIMIT_ORDERS: '1' }, { worker: false });
  });

  afterAll(async () => {
    await stack.close();
    await forgetCounters();
  });

  it('let orders through (fail open) rather than stop patients ordering, and limit again after', async () => {
    const place = () =>
      stack.http
        .post('/api/orders')
        .set('Authorization', `Bearer ${signTestToken('patient2')}`)
        .send({ items: [{ productId: OTC, quantity: 1 }], fulfillmentState: 'NY' });
    await stack.proxy.cut();
    for (let i = 0; i < 3; i += 1) expect((await place()).status).toBe(201);

    await stack.proxy.restore();
    // Counting resumes once the client has reconnected: within the window, one order, then 429.
    const statuses: number[] = [];
    for (let i = 0; i < 40 && !statuses.includes(429); i += 1) {
      statuses.push((await place()).status);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(statuses).toContain(429);
  });
});
