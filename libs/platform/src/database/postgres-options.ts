import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

/** What one feature module brings to the shared database: its tables and how to create them. */
export interface ModulePersistence {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: Function[];
}

export interface PostgresSettings {
  readonly url: string;
  readonly poolSize: number;
}

/**
 * One PostgreSQL database for the whole monolith; each module owns its tables. Schema changes
 * go through migrations only (`synchronize` is never on).
 */
export function postgresOptions(
  settings: PostgresSettings,
  modules: readonly ModulePersistence[],
): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    poolSize: settings.poolSize,
    entities: modules.flatMap(
      (module) => module.entities as unknown[],
    ) as DataSourceOptions['entities'],
    migrations: modules.flatMap((module) => module.migrations),
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { connectionTimeoutMillis: 5000 },
  };
}
