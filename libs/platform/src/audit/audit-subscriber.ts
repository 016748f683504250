import type {
  AfterQueryEvent,
  BeforeQueryEvent,
  EntityManager,
  EntityMetadata,
  EntitySubscriberInterface,
  InsertEvent,
  ObjectLiteral,
  QueryRunner,
  UpdateEvent,
} from 'typeorm';
import { Trace } from '../context/trace-context';
import { AuditLogEntry } from './audit-log-entry.entity';
import { SqlFragment, whereConditionOf } from './update-statement';

export interface AuditOptions {
  /** The audited columns of each table, by database name: `{ orders: ['status'] }`. */
  readonly tables: Readonly<Record<string, readonly string[]>>;
}

type ColumnMetadata = EntityMetadata['columns'][number];
type Row = Record<string, unknown>;
type Change = Pick<AuditLogEntry, 'entityId' | 'field' | 'oldValue' | 'newValue'>;

/** An update by QueryBuilder (`manager.update()`), between its beforeUpdate and afterUpdate. */
interface PendingUpdate {
  readonly metadata: EntityMetadata;
  readonly columns: readonly ColumnMetadata[];
  /** `UPDATE "orders" SET `: how its statement is recognised in beforeQuery. */
  readonly statementStart: string;
  statement?: { readonly query: string; readonly parameters: unknown };
  /** The rows it is about to change: primary key and audited columns, read under a row lock. */
  before?: Row[];
}

/**
 * Writes an audit_log row for every change of an audited column, with the manager of the
 * transaction that makes the change: the audit row commits or rolls back with it. A model-level
 * hook: it sees every write through TypeORM, whichever module makes it, and knows nothing of
 * the domain. (Raw SQL, `manager.query()`, bypasses it.)
 *
 * What TypeORM hands a subscriber depends on how the row is written:
 * - `insert()`: `event.entity` is the inserted values, primary key included. (An insert that
 *   ends `on conflict do nothing` is reported the same way: keep upserts off audited tables.)
 * - `save()`: TypeORM loaded the row first, so `event.databaseEntity` is the old version and
 *   `event.entity` the new one.
 * - `update(Entity, criteria, partial)`, what the repositories use: `event.entity` is only the
 *   partial (`{ status }`), with no criteria, no primary key, no `databaseEntity` and empty
 *   `updatedColumns`. So for those the subscriber takes the WHERE of the UPDATE statement in
 *   `beforeQuery` (same query runner), reads the rows it will change, `FOR UPDATE`, and after the
 *   update reads them again by primary key to record old and new values.
 */
export class AuditSubscriber implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, PendingUpdate[]>();
  private readonly auditedColumnsCache = new Map<EntityMetadata, readonly ColumnMetadata[]>();

  constructor(private readonly options: AuditOptions) {}

  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    const columns = this.auditedColumns(event.metadata);
    if (columns.length === 0 || !event.entity) return;
    let row: Row | undefined = rowOf(event.metadata, columns, event.entity);
    if (Object.values(row).some((value) => value === undefined || typeof value === 'function')) {
      // A default or an SQL expression: read what the database stored.
      const where = byKeys(event.queryRunner, event.metadata, [row]);
      [row] = await this.read(event.queryRunner, event.metadata, columns, where);
    }
    if (!row) return;
    await this.write(event, diff(event.metadata, columns, [{ before: undefined, after: row }]));
  }

  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    const { entity: partial, metadata } = event;
    if (event.databaseEntity || !partial) return; // save(): afterUpdate sees both versions.
    const columns = this.auditedColumns(metadata);
    if (!columns.some((column) => column.getEntityValue(partial) !== undefined)) return;
    const queue = this.pending.get(event.queryRunner) ?? [];
    queue.push({ metadata, columns, statementStart: updateStart(event) });
    this.pending.set(event.queryRunner, queue);
  }

  async beforeQuery(event: BeforeQueryEvent): Promise<void> {
    const queue = this.pending.get(event.queryRunner);
    if (!queue) return; // every other query of the application stops here
    const update = queue.find(
      (candidate) =>
        !candidate.statement && stripComment(event.query).startsWith(candidate.statementStart),
    );
    if (!update) return;
    update.statement = { query: event.query, parameters: event.parameters };
    try {
      const parameters = Array.isArray(event.parameters) ? event.parameters : [];
      const where = whereConditionOf(event.query, parameters) ?? { sql: 'true', parameters: [] };
      update.before = await this.read(event.queryRunner, update.metadata, update.columns, where, {
        lock: true,
      });
    } catch (error) {
      this.forget(event.queryRunner, update);
      throw error;
    }
  }

  afterQuery(event: AfterQueryEvent): void {
    if (event.success) return;
    const queue = this.pending.get(event.queryRunner);
    const failed = queue?.find(
      (candidate) =>
        candidate.statement?.query === event.query &&
        candidate.statement.parameters === event.parameters,
    );
    if (failed) this.forget(event.queryRunner, failed); // no afterUpdate will come for it
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    if (event.databaseEntity) return this.afterSave(event);
    const update = this.pending
      .get(event.queryRunner)
      ?.find((candidate) => candidate.metadata === event.metadata);
    if (!update) return;
    this.forget(event.queryRunner, update);
    if (!update.statement) {
      // Fail closed: an unaudited change must not commit silently.
      throw new Error(
        `Audit: the UPDATE of ${event.metadata.tableName} was not recognised (${update.statementStart}...)`,
      );
    }
    const before = update.before ?? [];
    if (before.length === 0) return;
    const after = await this.read(
      event.queryRunner,
      update.metadata,
      update.columns,
      byKeys(event.queryRunner, update.metadata, before),
    );
    const key = (row: Row) => entityIdOf(update.metadata, row);
    const afterByKey = new Map(after.map((row) => [key(row), row]));
    const pairs = before.map((row) => ({ before: row, after: afterByKey.get(key(row)) }));
    await this.write(event, diff(update.metadata, update.columns, pairs));
  }

  private async afterSave(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    const columns = this.auditedColumns(event.metadata);
    if (columns.length === 0 || !event.entity) return;
    const before = rowOf(event.metadata, columns, event.databaseEntity);
    const after = rowOf(event.metadata, columns, event.entity);
    await this.write(event, diff(event.metadata, columns, [{ before, after }]));
  }

  private auditedColumns(metadata: EntityMetadata): readonly ColumnMetadata[] {
    let columns = this.auditedColumnsCache.get(metadata);
    if (!columns) {
      columns = (this.options.tables[metadata.tableName] ?? []).map((name) => {
        const column = metadata.findColumnWithDatabaseName(name);
        if (!column) throw new Error(`Audit: ${metadata.tableName} has no column ${name}`);
        return column;
      });
      this.auditedColumnsCache.set(metadata, columns);
    }
    return columns;
  }

  /** Primary key and audited columns, by database name, of the rows matching `where`. */
  private async read(
    runner: QueryRunner,
    metadata: EntityMetadata,
    columns: readonly ColumnMetadata[],
    where: SqlFragment,
    { lock = false } = {},
  ): Promise<Row[]> {
    const escape = escaper(runner);
    const names = [...metadata.primaryColumns, ...columns].map((c) => escape(c.databaseName));
    return runner.query(
      `SELECT ${names.join(', ')} FROM ${tableOf(runner, metadata)} WHERE ${where.sql}` +
        (lock ? ' FOR UPDATE' : ''),
      where.parameters,
    );
  }

  private async write(
    event: { manager: EntityManager; metadata: EntityMetadata },
    changes: Change[],
  ): Promise<void> {
    if (changes.length === 0) return;
    const correlationId = Trace.current()?.correlationId ?? null;
    await event.manager.insert(
      AuditLogEntry,
      changes.map((change) => ({ entity: event.metadata.tableName, correlationId, ...change })),
    );
  }

  private forget(runner: QueryRunner, update: PendingUpdate): void {
    const queue = this.pending.get(runner);
    if (!queue) return;
    queue.splice(queue.indexOf(update), 1);
    if (queue.length === 0) this.pending.delete(runner);
  }
}

/** The changed audited columns of each row; rows are keyed by database column name. */
function diff(
  metadata: EntityMetadata,
  columns: readonly ColumnMetadata[],
  pairs: readonly { before: Row | undefined; after: Row | undefined }[],
): Change[] {
  return pairs.flatMap(({ before, after }) => {
    const entityId = entityIdOf(metadata, (after ?? before)!);
    return columns.flatMap((column) => {
      const oldValue = text(before?.[column.databaseName]);
      const newValue = text(after?.[column.databaseName]);
      return oldValue === newValue
        ? []
        : [{ entityId, field: column.databaseName, oldValue, newValue }];
    });
  });
}

/** An entity (property names) as a row (database names): primary key and `columns`. */
function rowOf(
  metadata: EntityMetadata,
  columns: readonly ColumnMetadata[],
  entity: ObjectLiteral,
): Row {
  return Object.fromEntries(
    [...metadata.primaryColumns, ...columns].map((c) => [c.databaseName, c.getEntityValue(entity)]),
  );
}

function entityIdOf(metadata: EntityMetadata, row: Row): string {
  return metadata.primaryColumns.map((c) => String(row[c.databaseName])).join(',');
}

/** `(pk) IN ((...), ...)` for the given rows. */
function byKeys(runner: QueryRunner, metadata: EntityMetadata, rows: readonly Row[]): SqlFragment {
  const keys = metadata.primaryColumns.map((c) => escaper(runner)(c.databaseName));
  const parameters: unknown[] = [];
  const tuples = rows.map(
    (row) =>
      `(${metadata.primaryColumns
        .map((c) => `$${parameters.push(row[c.databaseName])}`)
        .join(', ')})`,
  );
  return { sql: `(${keys.join(', ')}) IN (${tuples.join(', ')})`, parameters };
}

function escaper(runner: QueryRunner): (name: string) => string {
  return (name) => runner.connection.driver.escape(name);
}

/** The table's name as TypeORM writes it in SQL (`"orders"`, `"schema"."table"`). */
function tableOf(runner: QueryRunner, metadata: EntityMetadata): string {
  return metadata.tablePath.split('.').map(escaper(runner)).join('.');
}

/** How TypeORM's UpdateQueryBuilder starts the statement for this entity. */
function updateStart(event: UpdateEvent<ObjectLiteral>): string {
  return `UPDATE ${tableOf(event.queryRunner, event.metadata)} SET `;
}

/** Drops the `/* comment *\/ ` TypeORM puts first when a query builder has `.comment()`. */
function stripComment(query: string): string {
  return query.startsWith('/*') ? query.slice(query.indexOf('*/') + 2).trimStart() : query;
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
