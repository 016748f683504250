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
      AUTH_DEV_LOGIN: 'yes',
      EVENT_BUS_BACKEND: 'kafka',
      BROKER_URL: 'amqp://guest:s3cret-pass@[broken',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL: must use postgres or postgresql');
    expect(result.stderr).toContain('PORT: must be an integer from 1 to 65535, got "eighty"');
    expect(result.stderr).toContain('JWT_SECRET: must be at least 32 characters');
    expect(result.stderr).toContain('AUTH_DEV_LOGIN: must be "true" or "false", got "yes"');
    expect(result.stderr).toContain(
      'EVENT_BUS_BACKEND: must be one of registry, memory, broker, got "kafka"',
    );
    expect(result.stderr).toContain('BROKER_URL: must be an amqp:// or amqps:// URL');
    expect(result.stderr).not.toContain('s3cret-pass');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses a relay that could take every database connection', () => {
    const result = run('api', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1/x',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      JWT_SECRET: 'a-secret-that-is-long-enough-for-the-check',
      DATABASE_POOL_SIZE: '4',
      RELAY_CONCURRENCY: '4',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'RELAY_CONCURRENCY: must be below DATABASE_POOL_SIZE (4), got 4',
    );
  });

  it('stops the worker when a required variable is missing', () => {
    const result = run('worker', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1/x',
      REDIS_URL: 'redis://x',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('ERX_BASE_URL: is required but not set');
    expect(result.stderr).toContain('PHARMACY_BASE_URL: is required but not set');
  });

  it('refuses jobs on Redis without a Redis URL', () => {
    const result = run('worker', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1/x',
      QUEUE_BACKEND: 'redis',
      ERX_BASE_URL: 'http://127.0.0.1:9',
      PHARMACY_BASE_URL: 'http://127.0.0.1:9',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('REDIS_URL: is required when QUEUE_BACKEND is redis');
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
