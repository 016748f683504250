import { ehrPersistence } from '@pharmacy/ehr';
import { identityPersistence } from '@pharmacy/identity';
import { notificationsPersistence } from '@pharmacy/notifications';
import { ordersPersistence } from '@pharmacy/orders';
import {
  DEFAULT_DATABASE_TIMEOUTS,
  platformPersistence,
  postgresOptions,
} from '@pharmacy/platform';
import type { DatabaseTimeouts } from '@pharmacy/platform';
import type { DataSourceOptions } from 'typeorm';

/** The database of the whole monolith: every module's tables and migrations, in one place. */
export function databaseOptions(
  config: { DATABASE_URL: string; DATABASE_POOL_SIZE: number },
  timeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS,
): DataSourceOptions {
  const { DATABASE_URL: url, DATABASE_POOL_SIZE: poolSize } = config;
  return postgresOptions({ url, poolSize, timeouts }, [
    platformPersistence,
    identityPersistence,
    ordersPersistence,
    ehrPersistence,
    notificationsPersistence,
  ]);
}
