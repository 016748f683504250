import { migrate } from '../../apps/api/src/cli/migrate';
import { testEnv } from './test-env';

export async function migrateTestDatabase(): Promise<void> {
  await migrate(testEnv.databaseUrl);
}
