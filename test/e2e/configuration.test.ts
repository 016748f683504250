import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

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
});
