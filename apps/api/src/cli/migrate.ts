import 'reflect-metadata';
import { DataSource } from 'typeorm';
import {
  coreEnvSchema,
  DEFAULT_DATABASE_TIMEOUTS,
  migrateQueueSchema,
  parseEnv,
} from '@pharmacy/platform';
import { databaseOptions } from '../modules';

/**
 * Applies every pending migration of every module, then BullMQ's own schema for the PostgreSQL
 * queue backend; safe to run on each deploy.
 */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const dataSource = await new DataSource(
    // A migration may rewrite a large table: no statement deadline, but no endless lock wait either.
    databaseOptions(
      { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 1 },
      { ...DEFAULT_DATABASE_TIMEOUTS, statementMs: 0, queryMs: 0, idleInTransactionMs: 0 },
    ),
  ).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await migrateQueueSchema(databaseUrl);
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  const { DATABASE_URL } = parseEnv({ DATABASE_URL: coreEnvSchema.DATABASE_URL });
  migrate(DATABASE_URL)
    .then((applied) =>
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Up to date'),
    )
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
