import { fork } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import type { QueueBackend } from '@pharmacy/platform';
import { Config, POOL_SIZE } from './config';
import { pool } from './db';

/**
 * Forks one of `bench/children/` with only the environment given; its stdout (the app's JSON
 * logs) goes to `<logDir>/<name>.log`, its stderr is kept to explain a failed start. With
 * BENCH_CPU_PROF naming the script, it runs with --cpu-prof (a diagnostic, written at exit).
 */
export async function startChild(config: Config, script: string, name: string, env: object) {
  mkdirSync(config.logDir, { recursive: true });
  const profile = config.cpuProfile.includes(script)
    ? ['--cpu-prof', `--cpu-prof-dir=${config.logDir}`]
    : [];
  const child = fork(join(__dirname, '../children', `${script}.js`), [], {
    env: { PATH: process.env.PATH, ...env },
    execArgv: [...(script === 'api' ? ['--expose-gc'] : []), ...profile],
    stdio: ['ignore', openSync(join(config.logDir, `${name}.log`), 'w'), 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const failed = exited.then((code) => {
    throw new Error(`${name} exited (code ${code}): ${stderr.trim()}`);
  });
  failed.catch(() => undefined);
  type Reply = { id?: number; ready?: { port?: number }; result?: unknown; error?: string };
  const replies = new Map<number, (reply: Reply) => void>();
  const ready = new Promise<Reply>((resolve) => replies.set(0, resolve));
  child.on('message', (message: Reply) => replies.get(message.ready ? 0 : message.id!)?.(message));
  const bootTimer = setTimeout(() => child.kill(), 60_000); // then `failed` says why
  const port = (await Promise.race([ready, failed])).ready!.port!;
  clearTimeout(bootTimer);
  let nextId = 1;
  const call = async <T>(cmd: string, arg?: unknown): Promise<T> => {
    const id = nextId++;
    const reply = new Promise<Reply>((resolve) => replies.set(id, resolve));
    child.send({ id, cmd, arg });
    const { result, error } = await Promise.race([reply, failed]);
    if (error) throw new Error(`${name}: ${error}`);
    return result as T;
  };
  return {
    port,
    call,
    /** Closes the app and waits for the exit; kills the child if it takes over 15 s. */
    async stop() {
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await call('stop').catch(() => undefined);
      await exited;
      clearTimeout(timer);
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

/**
 * The whole system as separate processes, as production runs it: the fake partners, the API and
 * the worker on the bench's database and Redis db (jobs on Redis, or on BullMQ's PostgreSQL
 * backend). Every setting is the app's default except the bench's services, the rate limits (out
 * of the way: the bench measures throughput) and demo mode (for dev login).
 */
export async function startStack(config: Config, queueBackend: QueueBackend = 'redis') {
  const partners = await startChild(config, 'partners', 'partners', {});
  const partnersUrl = `http://127.0.0.1:${partners.port}`;
  const env = {
    DATABASE_URL: config.databaseUrl,
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    REDIS_URL: config.redisUrl,
    QUEUE_BACKEND: queueBackend,
    JWT_SECRET: config.jwtSecret,
    DEMO_MODE: 'true',
    RATE_LIMIT_LOGIN: '1000000',
    RATE_LIMIT_ORDERS: '1000000',
    RATE_LIMIT_DECISIONS: '1000000',
    ERX_BASE_URL: partnersUrl,
    PHARMACY_BASE_URL: partnersUrl,
  };
  const [api, worker] = await Promise.all([
    startChild(config, 'api', `api-${queueBackend}`, env),
    startChild(config, 'worker', `worker-${queueBackend}`, env),
  ]);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  /** POSTs JSON to the API; fails unless it answers `expected`. */
  const post = (path: string, body: unknown, token?: string, expected = 201) =>
    new Promise<string>((resolve, reject) => {
      const payload = JSON.stringify(body);
      const headers = {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
        ...(token && { authorization: `Bearer ${token}` }),
      };
      const host = '127.0.0.1';
      const req = request({ host, port: api.port, method: 'POST', path, agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('error', reject).on('end', () => {
          if (res.statusCode === expected) resolve(text);
          else reject(new Error(`POST ${path} answered ${res.statusCode}: ${text.slice(0, 300)}`));
        });
      });
      req.on('error', reject).end(payload);
    });
  const login = async (email: string): Promise<string> =>
    JSON.parse(await post('/api/auth/dev-login', { email }, undefined, 200)).accessToken;
  const db = pool(config, 4);
  return {
    api,
    worker,
    post,
    /** Demo users of the seed: a patient who orders, a provider licensed in CA who approves. */
    patientToken: await login('patient1@example.com'),
    providerToken: await login('provider.ca@example.com'),
    /** The bench's own small pool on the bench database, for reading timestamps. */
    db,
    async stop() {
      agent.destroy();
      await db.end();
      await Promise.all([api.stop(), worker.stop()]);
      await partners.stop();
    },
  };
}
