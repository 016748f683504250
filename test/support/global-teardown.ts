import { Client } from 'pg';
import { adminDatabaseUrl, testDatabaseName } from './test-env';

export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DATABASE === 'true') return;
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  await admin.query(`drop database if exists "${testDatabaseName()}" with (force)`);
  await admin.end();
}
