import { notificationsPersistence } from '@pharmacy/notifications';
import { platformPersistence, postgresOptions } from '@pharmacy/platform';
import type { DataSourceOptions } from 'typeorm';

/** The service's own database (or schema): the notifications and the platform's inbox and outbox. */
export function databaseOptions(config: {
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
}): DataSourceOptions {
  return postgresOptions({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }, [
    platformPersistence,
    notificationsPersistence,
  ]);
}
