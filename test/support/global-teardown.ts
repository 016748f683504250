import { Client } from 'pg';
import { adminDatabaseUrl, testDatabaseName } from './test-env';
import { stopEmbeddedPostgres } from './services-for-the-run';

export default async function globalTeardown(): Promise<void> {
  // Set by global setup: the database of this run, on the configured or the embedded server.
  const databaseUrl = process.env.TEST_DATABASE_URL!;
  try {
    if (process.env.KEEP_TEST_DATABASE === 'true') return;
    const admin = new Client({ connectionString: adminDatabaseUrl(databaseUrl) });
    await admin.connect();
    await admin.query(`drop database if exists "${testDatabaseName(databaseUrl)}" with (force)`);
    await admin.end();
  } finally {
    await stopEmbeddedPostgres();
  }
}
