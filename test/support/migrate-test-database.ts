import { migrate } from '../../apps/api/src/cli/migrate';
import { seed } from '../../apps/api/src/cli/seed';
import { testEnv } from './test-env';

export async function migrateTestDatabase(databaseUrl = testEnv.databaseUrl): Promise<void> {
  await migrate(databaseUrl);
}

export async function seedTestDatabase(databaseUrl = testEnv.databaseUrl): Promise<void> {
  await seed(databaseUrl, { demo: true });
}
