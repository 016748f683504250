import { startStack, Stack } from '../support/stack';

describe('Dev login, outside demo mode (DEMO_MODE not true)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ DEMO_MODE: 'false' }, { worker: false });
  });

  afterAll(() => stack.close());

  it('does not exist: 404, and absent from the API docs', async () => {
    const response = await stack.http
      .post('/api/auth/dev-login')
      .send({ email: 'admin@example.com' })
      .expect(404)
      .expect('content-type', /application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, title: 'Not Found' });
    expect(response.body).not.toHaveProperty('accessToken');

    const { body: document } = await stack.http.get('/api/docs-json').expect(200);
    expect(document.paths['/api/auth/dev-login']).toBeUndefined();
  });
});
