import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { seedProviderLicenses } from '@pharmacy/ehr';
import { DEMO_USERS, seedDemoUsers } from '@pharmacy/identity';
import { seedCatalog } from '@pharmacy/orders';
import { coreEnvShape, demoRule, exitOnBootFailure, parseEnv, withRules } from '@pharmacy/platform';
import { z } from 'zod';
import { databaseOptions } from '../modules';

/**
 * Writes the catalog and, in demo mode only, the demo users (an admin among them) and their
 * licenses: a production database never gets a password-less admin. Idempotent.
 */
export async function seed(databaseUrl: string, { demo }: { demo: boolean }): Promise<void> {
  const dataSource = await new DataSource(
    databaseOptions({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 1 }),
  ).initialize();
  try {
    await dataSource.transaction(async (manager) => {
      await seedCatalog(manager);
      if (!demo) return;
      await seedDemoUsers(manager);
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
  const { DATABASE_URL, DEMO_MODE } = readSeedEnv();
  seed(DATABASE_URL, { demo: DEMO_MODE })
    .then(() =>
      console.log(
        DEMO_MODE
          ? 'Seeded the catalog, the demo users and their licenses'
          : 'Seeded the catalog (demo users only with DEMO_MODE=true)',
      ),
    )
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}

function readSeedEnv() {
  const { DATABASE_URL, DEMO_MODE, NODE_ENV } = coreEnvShape;
  try {
    return parseEnv(withRules(z.object({ DATABASE_URL, DEMO_MODE, NODE_ENV }), demoRule));
  } catch (error) {
    exitOnBootFailure(error);
  }
}
