import request from 'supertest';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { startStack, Stack } from '../support/stack';
import { describeEachQueueBackend } from '../support/needs';
import { testEnv } from '../support/test-env';

const APP_ORIGIN = 'https://app.example.com';

describeEachQueueBackend(
  'API docs, the queues dashboard and the headers, as configured',
  (backend) => {
    let stack: Stack;

    beforeAll(async () => {
      stack = await startStack(
        {
          QUEUES_DASHBOARD: 'true',
          QUEUE_BACKEND: backend,
          TRUST_PROXY: 'loopback',
          CORS_ORIGINS: APP_ORIGIN,
        },
        { worker: false },
      );
    });

    afterAll(() => stack.close());

    it('serves an OpenAPI document with every route, bearer auth and the problem-details shape', async () => {
      const { body: document } = await stack.http.get('/api/docs-json').expect(200);
      const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations as object).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(routes).toEqual(
        expect.arrayContaining([
          'POST /api/auth/dev-login',
          'GET /api/products',
          'POST /api/orders',
          'GET /api/orders',
          'GET /api/orders/{uuid}',
          'GET /api/prescription-requests',
          'POST /api/prescription-requests/{id}/approve',
          'POST /api/prescription-requests/{id}/reject',
          'GET /api/encounters/{id}',
          'GET /api/prescriptions/{id}',
          'GET /api/admin/event-publications',
          'POST /api/admin/event-publications/{id}/resubmit',
          'GET /api/health/ready',
        ]),
      );
      expect(document.components.securitySchemes.bearer).toMatchObject({ scheme: 'bearer' });
      expect(document.components.schemas.ProblemDetails.required).toEqual([
        'type',
        'title',
        'status',
        'detail',
      ]);
      const placeOrder = document.paths['/api/orders'].post;
      expect(placeOrder.requestBody.content['application/json'].schema.$ref).toBe(
        '#/components/schemas/PlaceOrderRequest',
      );
      expect(placeOrder.responses['201'].content['application/json'].schema.$ref).toBe(
        '#/components/schemas/OrderView',
      );
      expect(placeOrder.responses['4XX'].content['application/problem+json']).toBeDefined();
      await stack.http.get('/api/docs').expect(200).expect('content-type', /html/);
    });

    it('serves the AsyncAPI document of the events next to it', async () => {
      const { body: document } = await stack.http
        .get('/api/docs-asyncapi.json')
        .expect(200)
        .expect('content-type', /json/);
      expect(document.asyncapi).toBe('3.0.0');
      expect(Object.keys(document.channels)).toContain('ehr.prescription-request-approved');
    });

    it('sends the security headers, and no X-Powered-By', async () => {
      const response = await stack.http.get('/api/products').expect(200);
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': expect.stringMatching(/max-age=\d+/),
        'content-security-policy': expect.stringContaining("default-src 'self'"),
      });
    });

    it('answers CORS for the configured origin only', async () => {
      const allowed = await stack.http
        .options('/api/orders')
        .set('Origin', APP_ORIGIN)
        .set('Access-Control-Request-Method', 'POST');
      expect(allowed.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
      const other = await stack.http
        .options('/api/orders')
        .set('Origin', 'https://evil.example.com')
        .set('Access-Control-Request-Method', 'POST');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('keeps the dashboard read-only: a job action is refused with 405', async () => {
      const agent = request.agent(stack.api.getHttpServer());
      await agent.get(`/admin/queues?token=${await stack.token('admin')}`).expect(303);
      const retry = await agent.put('/admin/queues/api/queues/erx-submission/retry/failed');
      expect(retry.status).toBe(405);
      expect(retry.body.detail).toMatch(/read-only/);
    });

    it('sets the dashboard cookie only for a verified admin token, Secure when the proxy says https', async () => {
      const forged = `${(await stack.token('admin')).slice(0, -4)}AAAA`;
      const refused = await stack.http.get(`/admin/queues?token=${forged}`).expect(401);
      expect(refused.headers['set-cookie']).toBeUndefined();

      const plain = await stack.http.get(`/admin/queues?token=${await stack.token('admin')}`);
      expect(plain.headers['set-cookie'][0]).not.toMatch(/;\s*Secure/i);
      const proxied = await stack.http
        .get(`/admin/queues?token=${await stack.token('admin')}`)
        .set('X-Forwarded-Proto', 'https');
      expect(proxied.headers['set-cookie'][0]).toMatch(/HttpOnly/i);
      expect(proxied.headers['set-cookie'][0]).toMatch(/SameSite=Strict/i);
      expect(proxied.headers['set-cookie'][0]).toMatch(/;\s*Secure/i);
    });

    it('takes the bearer scheme in any case on the dashboard', async () => {
      await stack.http
        .get('/admin/queues/api/queues')
        .set('Authorization', `bearer ${await stack.token('admin')}`)
        .expect(200);
    });

    it('shows the queues dashboard to admins only', async () => {
      await stack.http
        .get('/admin/queues')
        .expect(401)
        .expect('content-type', /problem\+json/);
      await stack.http.get(`/admin/queues?token=${await stack.token('patient1')}`).expect(403);

      const agent = (await import('supertest')).agent(stack.api.getHttpServer());
      // The token moves into a cookie and out of the address at once.
      await agent
        .get(`/admin/queues?token=${await stack.token('admin')}`)
        .expect(303)
        .expect('location', '/admin/queues');
      const page = await agent.get('/admin/queues').expect(200);
      expect(page.text).toContain('<html');
      // The cookie set on the first visit carries the dashboard's own API calls.
      const queues = await agent.get('/admin/queues/api/queues').expect(200);
      expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual([
        'erx-submission',
        'fulfillment',
      ]);
    });
  },
);

describe('API docs, the dashboard and CORS, when not enabled', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ API_DOCS: 'false' }, { worker: false });
  });

  afterAll(() => stack.close());

  it('serves no OpenAPI UI or document, no dashboard, and no CORS headers', async () => {
    await stack.http.get('/api/docs').expect(404);
    await stack.http.get('/api/docs-json').expect(404);
    await stack.http.get('/admin/queues').expect(404);
    const preflight = await stack.http
      .options('/api/orders')
      .set('Origin', APP_ORIGIN)
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('turns the OpenAPI UI off by default in production, on when asked', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: testEnv.databaseUrl,
      REDIS_URL: testEnv.redisUrl,
      JWT_SECRET: 'Xq3vN8pL2mR7tY1wK9sD4fH6gJ0aZ5cB-_eUiOo',
    };
    expect(loadApiConfig(production).API_DOCS).toBe(false);
    expect(loadApiConfig({ ...production, API_DOCS: 'true' }).API_DOCS).toBe(true);
    expect(loadApiConfig({ ...production, NODE_ENV: 'development' }).API_DOCS).toBe(true);
  });
});
