import 'reflect-metadata';
import {
  coreEnvShape,
  DEFAULT_DATABASE_TIMEOUTS,
  migrateQueueSchema,
  parseEnv,
  reportMigrations,
  runMigrations,
} from '@pharmacy/platform';
import { z } from 'zod';
import { databaseOptions } from '../modules';

/**
 * Applies every pending migration of every module, then BullMQ's own schema for the PostgreSQL
 * queue backend; safe to run on each deploy.
 */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const applied = await runMigrations(
    // A migration may rewrite a large table: no statement deadline, but no endless lock wait either.
    databaseOptions(
      { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 1 },
      { ...DEFAULT_DATABASE_TIMEOUTS, statementMs: 0, queryMs: 0, idleInTransactionMs: 0 },
    ),
  );
  await migrateQueueSchema(databaseUrl);
  return applied;
}

if (require.main === module) {
  // Read inside the promise, so a bad DATABASE_URL is reported like a failed migration: its
  // message alone, no stack.
  reportMigrations(
    Promise.resolve().then(() =>
      migrate(parseEnv(z.object({ DATABASE_URL: coreEnvShape.DATABASE_URL })).DATABASE_URL),
    ),
  );
}
