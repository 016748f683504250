import { migrate } from '../../apps/api/src/cli/migrate';
import { seed } from '../../apps/api/src/cli/seed';
import { testEnv } from './test-env';

export async function migrateTestDatabase(): Promise<void> {
  await migrate(testEnv.databaseUrl);
}

export async function seedTestDatabase(): Promise<void> {
  await seed(testEnv.databaseUrl, { demo: true });
}
