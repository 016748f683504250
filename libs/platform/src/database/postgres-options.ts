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
  /** Every wait on the database has a deadline; `DEFAULT_DATABASE_TIMEOUTS` when left out. */
  readonly timeouts?: DatabaseTimeouts;
}

/** Deadlines of the database connection, all in ms; 0 turns one off. */
export interface DatabaseTimeouts {
  /** Server side: a statement running longer is cancelled (SQLSTATE 57014). */
  readonly statementMs: number;
  /** Server side: waiting longer for a lock fails (55P03), instead of queueing behind a stuck holder. */
  readonly lockMs: number;
  /** Server side: a transaction left idle longer is ended (25P03), releasing its locks. */
  readonly idleInTransactionMs: number;
  /** Client side: a query with no answer for longer fails, even when the server went silent. */
  readonly queryMs: number;
  /** Client side: waiting longer for a connection (from the pool, or a new one) fails. */
  readonly connectMs: number;
  /** TCP keepalive probes start after this much silence, so a dead peer is noticed. */
  readonly keepAliveMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  statementMs: 15_000,
  lockMs: 5_000,
  idleInTransactionMs: 60_000,
  queryMs: 20_000,
  connectMs: 5_000,
  keepAliveMs: 10_000,
};

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
    extra: driverOptions(settings.timeouts ?? DEFAULT_DATABASE_TIMEOUTS),
  };
}

/** node-postgres options: the server-side timeouts are sent as session settings on connect. */
function driverOptions(timeouts: DatabaseTimeouts): Record<string, unknown> {
  const unlessOff = (ms: number) => (ms > 0 ? ms : undefined);
  return {
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: unlessOff(timeouts.statementMs),
    lock_timeout: unlessOff(timeouts.lockMs),
    idle_in_transaction_session_timeout: unlessOff(timeouts.idleInTransactionMs),
    query_timeout: unlessOff(timeouts.queryMs),
    keepAlive: timeouts.keepAliveMs > 0,
    keepAliveInitialDelayMillis: timeouts.keepAliveMs,
  };
}
