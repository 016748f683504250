import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { seedProviderLicenses } from '@pharmacy/ehr';
import { DEMO_USERS, seedDemoUsers } from '@pharmacy/identity';
import { seedCatalog } from '@pharmacy/orders';
import { coreEnvSchema, parseEnv } from '@pharmacy/platform';
import { databaseOptions } from '../modules';

/** Writes the demo users, licenses and catalog. Idempotent: run it as often as you like. */
export async function seed(databaseUrl: string): Promise<void> {
  const dataSource = await new DataSource(
    databaseOptions({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 1 }),
  ).initialize();
  try {
    await dataSource.transaction(async (manager) => {
      await seedDemoUsers(manager);
      await seedCatalog(manager);
      await seedProviderLicenses(manager, [
        { providerId: DEMO_USERS.providerCa.id, states: ['CA', 'NY'] },
        { providerId: DEMO_USERS.providerTx.id, states: ['TX'] },
      ]);
    });
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  const { DATABASE_URL } = parseEnv({ DATABASE_URL: coreEnvSchema.DATABASE_URL });
  seed(DATABASE_URL)
    .then(() => console.log('Seeded demo users, provider licenses and catalog'))
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
