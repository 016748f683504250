import { assertSchemaCompatibility, runMigrations, SchemaMigrationRequiredError } from 'bullmq';
import { Client } from 'pg';

/**
 * Brings BullMQ's PostgreSQL schema (`bullmq`) up to date; run by `npm run db:migrate` beside the
 * modules' migrations, whichever queue backend is configured, so switching to PostgreSQL needs no
 * extra step. BullMQ serialises concurrent runs with an advisory lock. Returns the schema version.
 */
export async function migrateQueueSchema(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, (client) => runMigrations(client));
}

/**
 * Refuses to boot on the PostgreSQL queue backend when its schema is missing or too new, or the
 * server older than BullMQ supports (13), with a message that says what to do, instead of a
 * failure at the first enqueue.
 */
export async function assertQueueSchemaReady(databaseUrl: string): Promise<void> {
  try {
    await withClient(databaseUrl, (client) => assertSchemaCompatibility(client));
  } catch (error) {
    const hint =
      error instanceof SchemaMigrationRequiredError ? ' Run `npm run db:migrate` first.' : '';
    throw new Error(`QUEUE_BACKEND=postgres cannot start: ${(error as Error).message}.${hint}`, {
      cause: error,
    });
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
