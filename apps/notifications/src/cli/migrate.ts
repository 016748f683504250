import 'reflect-metadata';
import { coreEnvShape, parseEnv, reportMigrations, runMigrations } from '@pharmacy/platform';
import { z } from 'zod';
import { databaseOptions } from '../database';

/** Applies the service's migrations to its own database (or schema); safe on each deploy. */
export function migrate(databaseUrl: string): Promise<string[]> {
  return runMigrations(databaseOptions({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 1 }));
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
