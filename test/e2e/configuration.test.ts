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
      DEMO_MODE: 'yes',
      EVENT_BUS_BACKEND: 'kafka',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL: must use postgres or postgresql');
    expect(result.stderr).toContain('PORT: must be an integer from 1 to 65535, got "eighty"');
    expect(result.stderr).toContain('JWT_SECRET: must be at least 32 characters');
    expect(result.stderr).toContain('DEMO_MODE: must be "true" or "false", got "yes"');
    expect(result.stderr).toContain(
      'EVENT_BUS_BACKEND: must be one of registry, memory, got "kafka"',
    );
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
      'fault points',
      { ENABLE_FAULT_POINTS: 'true' },
      'ENABLE_FAULT_POINTS: must not be true when NODE_ENV=production',
    ],
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

  it('refuses to start the worker in production with demo mode, fault points or plain-HTTP partners', () => {
    const result = run('worker', {
      ...production,
      DEMO_MODE: 'true',
      ENABLE_FAULT_POINTS: 'true',
      ERX_BASE_URL: 'http://erx.example.com',
      PHARMACY_BASE_URL: 'https://pharmacy.example.com',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DEMO_MODE: must not be true when NODE_ENV=production');
    expect(result.stderr).toContain('ENABLE_FAULT_POINTS: must not be true');
    expect(result.stderr).toContain('ERX_BASE_URL: must use https when NODE_ENV=production');
    expect(result.stderr).not.toContain('PHARMACY_BASE_URL: must use https');
  });

  it('refuses fault points outside demo mode', () => {
    const result = run('api', {
      ...production,
      NODE_ENV: 'development',
      ENABLE_FAULT_POINTS: 'true',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('ENABLE_FAULT_POINTS: needs DEMO_MODE=true');
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
