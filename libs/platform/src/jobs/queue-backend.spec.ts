import { queueBackendOf } from './queue-backend';

const DATABASE_URL = 'postgres://postgres@127.0.0.1/x';

describe('Choosing the queue backend', () => {
  it('is Redis where a Redis URL is given, and PostgreSQL where none is', () => {
    expect(queueBackendOf({ DATABASE_URL, REDIS_URL: 'redis://127.0.0.1:6379/0' })).toBe('redis');
    expect(queueBackendOf({ DATABASE_URL })).toBe('postgres');
  });

  it('is the one QUEUE_BACKEND names, whatever else is set', () => {
    const settings = { DATABASE_URL, REDIS_URL: 'redis://127.0.0.1:6379/0' };
    expect(queueBackendOf({ ...settings, QUEUE_BACKEND: 'postgres' })).toBe('postgres');
  });
});
