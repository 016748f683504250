import { freePort } from '../support/free-port';
import { describeEachQueueBackend, describeWithRedis } from '../support/needs';
import { startStack, Stack } from '../support/stack';

describeEachQueueBackend('Health endpoints', (backend) => {
  it('report live, and ready when PostgreSQL and the queue backend answer', async () => {
    const stack = await startStack({ QUEUE_BACKEND: backend });
    try {
      await stack.http.get('/api/health/live').expect(200, { status: 'ok' });
      const ready = await stack.http.get('/api/health/ready').expect(200);
      expect(ready.body.info).toEqual({
        postgres: expect.objectContaining({ status: 'up' }),
        [backend === 'redis' ? 'redis' : 'queues']: expect.objectContaining({ status: 'up' }),
        eventPublications: expect.objectContaining({
          status: 'up',
          pending: expect.any(Number),
          failed: expect.any(Number),
        }),
      });
    } finally {
      await stack.close();
    }
  });
});

describeWithRedis('Health endpoints with jobs on Redis', () => {
  it('report not ready, naming Redis, when Redis cannot be reached', async () => {
    let stack: Stack | undefined;
    try {
      stack = await startStack(
        { REDIS_URL: `redis://127.0.0.1:${await freePort()}/0`, QUEUE_BACKEND: 'redis' },
        { worker: false },
      );
      const ready = await stack.http
        .get('/api/health/ready')
        .expect(503)
        .expect('content-type', /application\/problem\+json/);
      expect(ready.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
      expect(ready.body.error.redis.status).toBe('down');
      expect(ready.body.info.postgres.status).toBe('up');
    } finally {
      await stack?.close();
    }
  });
});
