import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { ERX_QUEUE } from '@pharmacy/ehr';
import { DEMO_USERS } from '@pharmacy/identity';
import { FULFILLMENT_QUEUE } from '@pharmacy/orders';
import type { Queue } from 'bullmq';
import request from 'supertest';
import {
  createFakePartnersServer,
  FakePartnersServer,
} from '../../apps/fake-partners/src/fake-partners-server';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { createHttpApp } from '../../apps/api/src/http-app';
import { loadWorkerConfig } from '../../apps/worker/src/worker.config';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { testEnv } from './test-env';
import { TEST_JWT_SECRET } from './tokens';

export { TEST_JWT_SECRET } from './tokens';

export type DemoUser = keyof typeof DEMO_USERS;

export interface Stack {
  readonly api: INestApplication;
  /** Absent when started with `{ worker: false }`. */
  readonly worker?: INestApplicationContext;
  readonly partners: FakePartnersServer;
  /** Where the fake partners listen, for a worker started as a child process. */
  readonly partnersUrl: string;
  readonly http: ReturnType<typeof request>;
  token(user: DemoUser): Promise<string>;
  close(): Promise<void>;
}

/**
 * The whole system in this process, as production wires it: the HTTP app, the worker with its
 * BullMQ processors, and the fake partners, on the real PostgreSQL and Redis.
 */
export async function startStack(
  overrides: NodeJS.ProcessEnv = {},
  { worker: withWorker = true, workerEnv = {} as NodeJS.ProcessEnv } = {},
): Promise<Stack> {
  const partners = createFakePartnersServer();
  const partnersPort = await partners.listen(0, '127.0.0.1');
  const partnersUrl = `http://127.0.0.1:${partnersPort}`;
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: testEnv.databaseUrl,
    DATABASE_POOL_SIZE: '20',
    // Where Redis does not answer, nothing is pointed at it: jobs and rate limits stay in process.
    ...(testEnv.redisMissing ? {} : { REDIS_URL: testEnv.redisUrl }),
    QUEUE_BACKEND: testEnv.queueBackend,
    JWT_SECRET: TEST_JWT_SECRET,
    NODE_ENV: 'test',
    DEMO_MODE: 'true',
    // Generous: the suites share one Redis and one client address.
    RATE_LIMIT_LOGIN: '100000',
    RATE_LIMIT_ORDERS: '100000',
    RATE_LIMIT_DECISIONS: '100000',
    ERX_BASE_URL: partnersUrl,
    PHARMACY_BASE_URL: partnersUrl,
    PARTNER_TIMEOUT_MS: '1000',
    JOB_ATTEMPTS: '4',
    JOB_BACKOFF_MS: '20',
    JOB_MAX_BACKOFF_MS: '200',
    RECONCILE_EVERY_MS: '0', // tests sweep on demand: Reconciler.sweepOnce()
    PUBLICATION_BACKOFF_MS: '20',
    PUBLICATION_LEASE_MS: '2000',
    RELAY_POLL_MS: '50',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...overrides,
  };

  const worker = withWorker
    ? await NestFactory.createApplicationContext(
        WorkerModule.forRoot(loadWorkerConfig({ ...env, ...workerEnv })),
        {
          logger: false,
        },
      )
    : undefined;
  const api = await createHttpApp(loadApiConfig(env));
  await api.init();

  const tokens = new Map<DemoUser, string>();
  const http = request(api.getHttpServer());
  return {
    api,
    worker,
    partners,
    partnersUrl,
    http,
    async token(user) {
      if (!tokens.has(user)) {
        const response = await request(api.getHttpServer())
          .post('/api/auth/dev-login')
          .send({ email: DEMO_USERS[user].email })
          .expect(200);
        tokens.set(user, response.body.accessToken);
      }
      return tokens.get(user)!;
    },
    async close() {
      // Without a worker of its own, the jobs it queued would be run by the next suite's worker.
      if (!worker) {
        for (const queue of [ERX_QUEUE, FULFILLMENT_QUEUE]) {
          const obliterated = api.get<Queue>(getQueueToken(queue)).obliterate({ force: true });
          // A test may have cut the queue backend off for good: then there is nothing to run.
          await withDeadline(obliterated, 3000).catch(() => undefined);
        }
      }
      await api.close();
      await worker?.close();
      await partners.close();
    },
  };
}

/** The promise, or a rejection once `ms` have passed without it settling. */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
