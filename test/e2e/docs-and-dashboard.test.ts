import { startStack, Stack } from '../support/stack';
import { describeEachQueueBackend } from '../support/needs';

describeEachQueueBackend('API docs and the queues dashboard', (backend) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(
      { QUEUES_DASHBOARD: 'true', QUEUE_BACKEND: backend },
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
});
