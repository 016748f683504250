import type {
  EntityMetadata,
  EntitySubscriberInterface,
  InsertEvent,
  ObjectLiteral,
  UpdateEvent,
} from 'typeorm';
import { Trace } from '../context/trace-context';
import { AuditLogEntry } from './audit-log-entry.entity';

/** One audit_log row, as written: the table, the row's id, the column, its old and new value. */
export type AuditChange = Pick<
  AuditLogEntry,
  'entity' | 'entityId' | 'field' | 'oldValue' | 'newValue' | 'correlationId'
>;

export interface AuditOptions {
  /** The audited columns of each table, by database name: `{ orders: ['status'] }`. */
  readonly tables: Readonly<Record<string, readonly string[]>>;
}

/**
 * Writes an audit_log row for every change of an audited column, through the manager of the
 * transaction that makes the change, so the audit row commits or rolls back with it. The model-
 * level tool, like a Django signal: it sees every write of a table, whoever makes it, and knows
 * nothing of the domain.
 *
 * TypeORM tells a subscriber the old value only for `save()`, which loads the row first;
 * `update(criteria, partial)` and raw SQL are invisible to it. Audited entities are therefore
 * written with `save()` (inserts with `insert()` or `save()`), or, on a hot path that inserts in
 * one raw statement, with the rows of {@link auditOfInsert} in that statement.
 */
export class AuditSubscriber implements EntitySubscriberInterface {
  constructor(private readonly options: AuditOptions) {}

  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    await this.record(event, undefined, event.entity);
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    if (!event.databaseEntity || !event.entity) return;
    await this.record(event, event.databaseEntity, event.entity);
  }

  /**
   * The audit rows a change of one row owes: one per audited column whose value changed. Empty
   * when the table is not audited. `before` is undefined for an insert.
   */
  changesOf(
    metadata: EntityMetadata,
    before: ObjectLiteral | undefined,
    after: ObjectLiteral | undefined,
  ): AuditChange[] {
    const audited = this.options.tables[metadata.tableName];
    if (!audited || !after) return [];
    const entityId = idOf(metadata, { ...before, ...after });
    const correlationId = Trace.current()?.correlationId ?? null;
    return audited.flatMap((name) => {
      const column = metadata.findColumnWithDatabaseName(name);
      if (!column) throw new Error(`Audit: ${metadata.tableName} has no column ${name}`);
      if (after[column.propertyName] === undefined) return [];
      const newValue = text(after[column.propertyName]);
      const oldValue = text(before?.[column.propertyName]);
      if (newValue === oldValue) return [];
      return [
        { entity: metadata.tableName, entityId, field: name, oldValue, newValue, correlationId },
      ];
    });
  }

  private async record(
    event: InsertEvent<ObjectLiteral> | UpdateEvent<ObjectLiteral>,
    before: ObjectLiteral | undefined,
    after: ObjectLiteral | undefined,
  ): Promise<void> {
    const changes = this.changesOf(event.metadata, before, after);
    if (changes.length > 0) await event.manager.insert(AuditLogEntry, changes);
  }
}

function idOf(metadata: EntityMetadata, entity: ObjectLiteral): string {
  return metadata.primaryColumns.map((column) => String(column.getEntityValue(entity))).join(',');
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}
