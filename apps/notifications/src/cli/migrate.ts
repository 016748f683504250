import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { coreEnvSchema, parseEnv } from '@pharmacy/platform';
import { databaseOptions } from '../database';

/** Applies the service's migrations to its own database (or schema); safe on each deploy. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const dataSource = await new DataSource(
    databaseOptions({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 1 }),
  ).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
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
