import { ehrPersistence } from '@pharmacy/ehr';
import { identityPersistence } from '@pharmacy/identity';
import { notificationsPersistence } from '@pharmacy/notifications';
import { ordersPersistence } from '@pharmacy/orders';
import { platformPersistence, postgresOptions } from '@pharmacy/platform';
import type { DataSourceOptions } from 'typeorm';

/** The database of the whole monolith: every module's tables and migrations, in one place. */
export function databaseOptions(config: {
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
}): DataSourceOptions {
  return postgresOptions({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }, [
    platformPersistence,
    identityPersistence,
    ordersPersistence,
    ehrPersistence,
    notificationsPersistence,
  ]);
}
