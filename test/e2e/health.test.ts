import { ShutdownState } from '@pharmacy/platform';
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
        process: { status: 'up' },
        postgres: expect.objectContaining({ status: 'up' }),
        ...(backend === 'redis'
          ? { redis: expect.objectContaining({ status: 'up', degraded: false }) }
          : { queues: expect.objectContaining({ status: 'up' }) }),
        eventPublications: expect.objectContaining({
          status: 'up',
          pending: expect.any(Number),
          failed: expect.any(Number),
        }),
        reconciler: expect.objectContaining({ status: 'up', repaired: expect.any(Object) }),
      });
    } finally {
      await stack.close();
    }
  });
});

describe('Health endpoints during a shutdown', () => {
  it('report not ready from the first moment of a shutdown', async () => {
    const stack = await startStack({}, { worker: false });
    try {
      stack.api.get(ShutdownState).beginDraining();
      const ready = await stack.http.get('/api/health/ready').expect(503);
      expect(ready.body.error.process).toEqual({ status: 'down', draining: true });
      await stack.http.get('/api/health/live').expect(200);
    } finally {
      await stack.close();
    }
  });
});

describeWithRedis('Health endpoints with jobs on Redis', () => {
  it('stay ready with Redis reported degraded when Redis cannot be reached', async () => {
    let stack: Stack | undefined;
    try {
      stack = await startStack(
        { REDIS_URL: `redis://127.0.0.1:${await freePort()}/0`, QUEUE_BACKEND: 'redis' },
        { worker: false },
      );
      const ready = await stack.http.get('/api/health/ready').expect(200);
      expect(ready.body.info.redis).toMatchObject({ status: 'up', degraded: true });
      expect(ready.body.info.postgres.status).toBe('up');
    } finally {
      await stack?.close();
    }
  });
});
