import 'reflect-metadata';
import { coreEnvShape, parseEnv, reportMigrations, runMigrations } from '@pharmacy/platform';
import { z } from 'zod';
import { databaseOptions } from '../database';

/** Applies the service's migrations to its own database (or schema); safe on each deploy. */
export function migrate(databaseUrl: string): Promise<string[]> {
  return runMigrations(databaseOptions({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 1 }));
}

if (require.main === module) {
  const { DATABASE_URL } = parseEnv(z.object({ DATABASE_URL: coreEnvShape.DATABASE_URL }));
  reportMigrations(migrate(DATABASE_URL));
}
