import { register } from 'tsconfig-paths';

// Global setup runs outside jest's module mapper; resolve the libraries' aliases the same way.
register({ baseUrl: `${__dirname}/../..`, paths: { '@pharmacy/*': ['libs/*/src'] } });

import { Client } from 'pg';
import { adminDatabaseUrl, testDatabaseName, testEnv } from './test-env';
import { assertBrokerReachable, assertPostgresReachable, assertRedisReachable } from './services';
import Redis from 'ioredis';
import { migrateTestDatabase, seedTestDatabase } from './migrate-test-database';

/** Creates a fresh test database and migrates it; stops the run with one clear line if a service is down. */
export default async function globalSetup(): Promise<void> {
  try {
    await assertPostgresReachable(adminDatabaseUrl());
    await assertRedisReachable(testEnv.redisUrl);
    await assertBrokerReachable(testEnv.brokerUrl);
  } catch (error) {
    process.stderr.write(
      `\n\n${(error as Error).message}\nStart it, or point the tests elsewhere (see README).\n\n`,
    );
    process.exit(1);
  }
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  const name = testDatabaseName();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
  await migrateTestDatabase();
  await seedTestDatabase();
  const redis = new Redis(testEnv.redisUrl);
  await redis.flushdb();
  redis.disconnect();
}
