import { register } from 'tsconfig-paths';

// Global setup runs outside jest's module mapper; resolve the libraries' aliases the same way.
register({ baseUrl: `${__dirname}/../..`, paths: { '@pharmacy/*': ['libs/*/src'] } });

import { Client } from 'pg';
import Redis from 'ioredis';
import { buildTestEntry } from './build-test-entry';
import { adminDatabaseUrl, testDatabaseName, testEnv } from './test-env';
import { migrateTestDatabase, seedTestDatabase } from './migrate-test-database';
import {
  brokerForTheRun,
  postgresForTheRun,
  redisForTheRun,
  stopEmbeddedPostgres,
} from './services-for-the-run';

/**
 * Finds the services (an embedded PostgreSQL if the configured one does not answer; Redis or
 * not; RabbitMQ or not), tells the test files through the environment, then creates, migrates and seeds a fresh
 * test database and empties the test Redis database. Builds the test entry point the fault
 * tests start as a child process (production's dist comes from `npm run build`, run by pretest).
 */
export default async function globalSetup(): Promise<void> {
  try {
    buildTestEntry();
    const databaseUrl = await postgresForTheRun(testEnv.databaseUrl);
    const redisMissing = await redisForTheRun(testEnv.redisUrl);
    process.env.TEST_DATABASE_URL = databaseUrl;
    process.env.TEST_QUEUE_BACKENDS ??= redisMissing ? 'postgres' : 'redis,postgres';
    if (redisMissing) process.env.TEST_REDIS_MISSING = redisMissing;
    const brokerMissing = await brokerForTheRun(testEnv.brokerUrl);
    if (brokerMissing) process.env.TEST_BROKER_MISSING = brokerMissing;

    const admin = new Client({ connectionString: adminDatabaseUrl(databaseUrl) });
    await admin.connect();
    const name = testDatabaseName(databaseUrl);
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    await admin.end();
    await migrateTestDatabase(databaseUrl);
    await seedTestDatabase(databaseUrl);
    if (!redisMissing) {
      const redis = new Redis(testEnv.redisUrl);
      await redis.flushdb();
      redis.disconnect();
    }
  } catch (error) {
    await stopEmbeddedPostgres();
    process.stderr.write(`\n\n${(error as Error).stack}\n\n`);
    process.exit(1);
  }
}
