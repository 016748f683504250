import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { adminDatabaseUrl, testDatabaseName } from '../support/test-env';

const run = (app: 'api' | 'worker', env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [join(__dirname, `../../dist/apps/${app}/src/main.js`)], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });

describe('Configuration validated at boot', () => {
  it('stops the API at once, naming every bad variable and why, without a stack trace', () => {
    const result = run('api', {
      DATABASE_URL: 'mysql://localhost/pharmacy',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      PORT: 'eighty',
      JWT_SECRET: 'too-short',
      DEMO_MODE: 'yes',
      EVENT_BUS_BACKEND: 'kafka',
      BROKER_URL: 'amqp://guest:s3cret-pass@[broken',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL: must be a URL using postgres or postgresql');
    expect(result.stderr).toContain('PORT: must be an integer from 1 to 65535, got "eighty"');
    expect(result.stderr).toContain('JWT_SECRET: must be at least 32 characters');
    expect(result.stderr).toContain('DEMO_MODE: must be "true" or "false", got "yes"');
    expect(result.stderr).toContain(
      'EVENT_BUS_BACKEND: must be one of registry, memory, broker, got "kafka"',
    );
    expect(result.stderr).toContain('BROKER_URL: must be a URL using amqp or amqps');
    expect(result.stderr).not.toContain('s3cret-pass');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it.each<[string, 'api' | 'worker', NodeJS.ProcessEnv, string[]]>([
    [
      'a relay that could take every database connection',
      'api',
      {
        DATABASE_URL: 'postgres://postgres@127.0.0.1/x',
        REDIS_URL: 'redis://127.0.0.1:6379/0',
        JWT_SECRET: 'a-secret-that-is-long-enough-for-the-check',
        DATABASE_POOL_SIZE: '4',
        RELAY_CONCURRENCY: '4',
      },
      ['RELAY_CONCURRENCY: must be below DATABASE_POOL_SIZE (4), got 4'],
    ],
    [
      'a worker missing a required variable',
      'worker',
      { DATABASE_URL: 'postgres://postgres@127.0.0.1/x', REDIS_URL: 'redis://x' },
      ['ERX_BASE_URL: is required but not set', 'PHARMACY_BASE_URL: is required but not set'],
    ],
    [
      'jobs on Redis without a Redis URL',
      'worker',
      {
        DATABASE_URL: 'postgres://postgres@127.0.0.1/x',
        QUEUE_BACKEND: 'redis',
        ERX_BASE_URL: 'http://127.0.0.1:9',
        PHARMACY_BASE_URL: 'http://127.0.0.1:9',
      },
      ['REDIS_URL: is required when QUEUE_BACKEND is redis'],
    ],
  ])('refuses to start with %s, naming it', (_, app, env, messages) => {
    const result = run(app, env);
    expect(result.status).toBe(1);
    for (const message of messages) expect(result.stderr).toContain(message);
  });

  const GENERATED_SECRET = 'Xq3vN8pL2mR7tY1wK9sD4fH6gJ0aZ5cB-_eUiOo';
  // Nothing listens on port 1: a configuration that passes validation fails to connect instead.
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://app:p4ss-w0rd-x@127.0.0.1:1/pharmacy',
    REDIS_URL: 'redis://127.0.0.1:1/0',
    JWT_SECRET: GENERATED_SECRET,
  };

  it('passes a production configuration with a generated secret on to connecting (the control)', () => {
    const result = run('api', production);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toContain('Invalid configuration');
  });

  it.each<[string, NodeJS.ProcessEnv, string]>([
    ['demo mode', { DEMO_MODE: 'true' }, 'DEMO_MODE: must not be true when NODE_ENV=production'],
    [
      'the secret printed in docker-compose.yml',
      { JWT_SECRET: 'demo-only-secret-change-me-0123456789abcdef' },
      'JWT_SECRET: is a published or placeholder value',
    ],
    [
      'a long secret of little entropy',
      { JWT_SECRET: 'abababababababababababababababababababab' },
      'JWT_SECRET: has too little entropy',
    ],
    [
      'a weak previous key',
      { JWT_PREVIOUS_KEYS: `old:${'x'.repeat(40)}` },
      'JWT_PREVIOUS_KEYS: the secret of key old has too little entropy',
    ],
  ])('refuses to start the API in production with %s', (_, overrides, message) => {
    const result = run('api', { ...production, ...overrides });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    if (overrides.JWT_SECRET) expect(result.stderr).not.toContain(overrides.JWT_SECRET);
  });

  it('refuses to start the worker in production with demo mode or plain-HTTP partners', () => {
    const result = run('worker', {
      ...production,
      DEMO_MODE: 'true',
      ERX_BASE_URL: 'http://erx.example.com',
      PHARMACY_BASE_URL: 'https://pharmacy.example.com',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DEMO_MODE: must not be true when NODE_ENV=production');
    expect(result.stderr).toContain('ERX_BASE_URL: must use https when NODE_ENV=production');
    expect(result.stderr).not.toContain('PHARMACY_BASE_URL: must use https');
  });

  it('names a malformed DATABASE_URL without echoing it, password and all', () => {
    const result = run('api', {
      ...production,
      DATABASE_URL: 'postgres://app:s3cr3t-pw@[::1:5432/pharmacy',
      JWT_SECRET: 'short',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL: must be a URL');
    expect(result.stderr).not.toContain('s3cr3t-pw');
    expect(result.stderr).not.toContain('short');
  });

  it("refuses jobs on PostgreSQL until BullMQ's schema is migrated, saying what to run", async () => {
    const admin = new Client({ connectionString: adminDatabaseUrl() });
    const name = `${testDatabaseName()}_unmigrated`;
    await admin.connect();
    try {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.query(`create database "${name}"`);
      const url = new URL(adminDatabaseUrl());
      url.pathname = `/${name}`;
      const result = await runAsync('worker', {
        DATABASE_URL: url.toString(),
        QUEUE_BACKEND: 'postgres',
        ERX_BASE_URL: 'http://127.0.0.1:9',
        PHARMACY_BASE_URL: 'http://127.0.0.1:9',
        LOG_LEVEL: 'silent',
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('QUEUE_BACKEND=postgres cannot start');
      expect(result.stderr).toContain('Run `npm run db:migrate` first.');
    } finally {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});

/** As `run`, without blocking the event loop (the test's own database client stays served). */
function runAsync(app: 'api' | 'worker', env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [join(__dirname, `../../dist/apps/${app}/src/main.js`)], {
    env: { PATH: process.env.PATH, ...env },
    timeout: 20_000,
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ status: number | null; stderr: string }>((resolve) =>
    child.on('exit', (status) => resolve({ status, stderr })),
  );
}
