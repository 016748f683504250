/** Where the tests find their services; each may be overridden from the environment. */
export const testEnv = {
  databaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/pharmacy_test',
  // A Redis database index of its own, emptied at the start of each run.
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15',
  // Shared by every run: each broker test works under a namespace of its own.
  brokerUrl: process.env.TEST_BROKER_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
};

/** The same server, but the maintenance database, from which the test database is created. */
export function adminDatabaseUrl(): string {
  const url = new URL(testEnv.databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

export function testDatabaseName(): string {
  return new URL(testEnv.databaseUrl).pathname.slice(1);
}
