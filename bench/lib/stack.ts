import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { QueueBackend } from '@pharmacy/platform';
import { Pool } from 'pg';
import { Child, startChild } from './children';
import { BenchConfig } from './config';
import { HttpClient } from './http';

/** Demo users of the seed: a patient who orders, a provider licensed in CA who approves. */
export const PATIENT_EMAIL = 'patient1@example.com';
export const PROVIDER_EMAIL = 'provider.ca@example.com';

export interface Stack {
  readonly api: Child;
  readonly worker: Child;
  readonly partners: Child;
  readonly apiPort: number;
  readonly http: HttpClient;
  readonly patientToken: string;
  readonly providerToken: string;
  /** The parent's own small pool on the bench database, for reading timestamps. */
  readonly db: Pool;
  /**
   * Runs one measured phase; with BENCH_CPU_PROF=api,worker,... each named child writes a CPU
   * profile of just this phase to <profileDir>/<child>-<phase>.cpuprofile.
   */
  phase<T>(name: string, work: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

function baseEnv(): NodeJS.ProcessEnv {
  // Only what Node needs: app settings come from the bench alone, never from the caller's shell.
  const { PATH, HOME, LANG, TZ } = process.env;
  return Object.fromEntries(
    Object.entries({ PATH, HOME, LANG, TZ }).filter(([, v]) => v !== undefined),
  );
}

/**
 * The whole system as separate processes, as production runs it: the fake partners, the API
 * (with --expose-gc, so the bench can ask it for a full GC before reading its memory) and the
 * worker, on the bench's database and Redis db (or jobs on BullMQ's PostgreSQL backend). Every
 * other setting is the app's default.
 */
export async function startStack(
  config: BenchConfig,
  childrenDir: string,
  queueBackend: QueueBackend = 'redis',
): Promise<Stack> {
  const common = { logDir: config.logDir };
  const partners = await startChild({
    ...common,
    name: 'partners',
    script: join(childrenDir, 'partners.js'),
    env: baseEnv(),
    execArgv: [],
  });
  const partnersUrl = `http://127.0.0.1:${partners.ready.port as number}`;
  const appEnv: NodeJS.ProcessEnv = {
    ...baseEnv(),
    DATABASE_URL: config.databaseUrl,
    DATABASE_POOL_SIZE: String(config.poolSize),
    REDIS_URL: config.redisUrl,
    QUEUE_BACKEND: queueBackend,
    EVENT_BUS_BACKEND: config.backend,
    LOG_LEVEL: config.logLevel,
    JWT_SECRET: config.jwtSecret,
    DEMO_MODE: 'true',
    // The bench measures throughput, not the limits.
    RATE_LIMIT_LOGIN: '1000000',
    RATE_LIMIT_ORDERS: '1000000',
    RATE_LIMIT_DECISIONS: '1000000',
    ERX_BASE_URL: partnersUrl,
    PHARMACY_BASE_URL: partnersUrl,
  };
  const [api, worker] = await Promise.all([
    startChild({
      ...common,
      name: 'api',
      script: join(childrenDir, 'api.js'),
      env: appEnv,
      execArgv: ['--expose-gc'],
    }),
    startChild({
      ...common,
      name: 'worker',
      script: join(childrenDir, 'worker.js'),
      env: appEnv,
      execArgv: [],
    }),
  ]);
  const apiPort = api.ready.port as number;
  const http = new HttpClient(apiPort);
  const login = async (email: string) =>
    (
      JSON.parse((await http.postExpect('/api/auth/dev-login', { email }, 200)).body) as {
        accessToken: string;
      }
    ).accessToken;
  const db = new Pool({ connectionString: config.databaseUrl, max: 4 });
  return {
    api,
    worker,
    partners,
    apiPort,
    http,
    patientToken: await login(PATIENT_EMAIL),
    providerToken: await login(PROVIDER_EMAIL),
    db,
    async phase(name, work) {
      const profiled = [api, worker, partners].filter((c) => config.cpuProfile.includes(c.name));
      if (profiled.length) mkdirSync(config.profileDir, { recursive: true });
      await Promise.all(profiled.map((c) => c.call('profile-start')));
      try {
        return await work();
      } finally {
        await Promise.all(
          profiled.map((c) =>
            c.call('profile-stop', {
              path: join(config.profileDir, `${c.name}-${name}.cpuprofile`),
            }),
          ),
        );
      }
    },
    async stop() {
      http.close();
      await db.end();
      await api.stop();
      await worker.stop();
      await partners.stop();
    },
  };
}
