import { z } from 'zod';
import { authEnvShape } from '../auth/auth-env';
import { coreEnvShape, coreRules } from './core-env';
import { InvalidConfigurationError, parseEnv, withRules } from './env';

const core = withRules(z.object(coreEnvShape), coreRules);
const DATABASE_URL = 'postgres://app:p4ss-w0rd@127.0.0.1:5432/pharmacy';

function problemsOf(source: NodeJS.ProcessEnv): readonly string[] {
  try {
    parseEnv(core, source);
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('parseEnv', () => {
  it('reads a blank variable as unset: the default applies, a required one is missing', () => {
    const config = parseEnv(core, { DATABASE_URL, DATABASE_POOL_SIZE: '  ', LOG_LEVEL: '' });
    expect(config).toMatchObject({ DATABASE_POOL_SIZE: 10, LOG_LEVEL: 'info', DEMO_MODE: false });
    expect(problemsOf({ DATABASE_URL: ' ' })).toEqual(['DATABASE_URL: is required but not set']);
  });

  it('names every bad variable at once, and never repeats a URL', () => {
    const problems = problemsOf({
      DATABASE_URL: 'postgres://app:p4ss-w0rd@[broken/pharmacy',
      DATABASE_POOL_SIZE: '0',
      LOG_LEVEL: 'loud',
    });
    expect(problems).toEqual([
      'DATABASE_URL: must be a URL using postgres or postgresql (value not shown: it may hold a password)',
      'DATABASE_POOL_SIZE: must be an integer from 1 to 200, got "0"',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ]);
    expect(problems.join('\n')).not.toContain('p4ss-w0rd');
  });

  it('checks the rules between variables only once each variable is valid on its own', () => {
    // A pool of 0 is out of range; it is not also "below RELAY_CONCURRENCY".
    expect(problemsOf({ DATABASE_URL, DATABASE_POOL_SIZE: '0' })).toEqual([
      'DATABASE_POOL_SIZE: must be an integer from 1 to 200, got "0"',
    ]);
  });

  it('refuses Redis jobs without a Redis URL, naming the variable', () => {
    expect(problemsOf({ DATABASE_URL, QUEUE_BACKEND: 'redis' })).toEqual([
      'REDIS_URL: is required when QUEUE_BACKEND is redis',
    ]);
    expect(parseEnv(core, { DATABASE_URL, QUEUE_BACKEND: 'postgres' }).QUEUE_BACKEND).toBe(
      'postgres',
    );
  });

  it('refuses a retry ceiling below its first delay', () => {
    expect(problemsOf({ DATABASE_URL, JOB_BACKOFF_MS: '500', JOB_MAX_BACKOFF_MS: '400' })).toEqual([
      'JOB_MAX_BACKOFF_MS: must be at least JOB_BACKOFF_MS (500), got 400',
    ]);
  });

  it('names a bad previous signing key by its id, never its secret', () => {
    const auth = z.object(authEnvShape);
    const JWT_SECRET = 'a-secret-that-is-long-enough-for-the-check';
    const read = () =>
      parseEnv(auth, { JWT_SECRET, JWT_PREVIOUS_KEYS: 'old:sh0rt-s3cret, no-separator' });
    expect(read).toThrow(
      [
        'JWT_PREVIOUS_KEYS: the secret of key old must be at least 32 characters',
        'JWT_PREVIOUS_KEYS: entry 2 must be "<key id>:<secret>" with a key id of [A-Za-z0-9._-]',
      ].join('\n  - '),
    );
    expect(read).not.toThrow(/sh0rt-s3cret/);
  });
});
