import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditSubscriber } from './audit-subscriber';

/** SQL with its parameters, numbered from the `$n` it was asked to start at. */
interface SqlFragment {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * The audit rows an insert of `rows` owes, as an `insert into audit_log` to run inside the
 * insert's own statement (a data-modifying CTE): for a hot path that writes audited entities in
 * one raw statement, which the audit subscriber cannot see, instead of paying a round trip for
 * the audit rows on their own (ADR 0008). The rows are the subscriber's, so which columns are
 * audited stays configured in one place (`AuditModule.forRoot`). Null when nothing is owed: no
 * table among them is audited, or the app runs without the audit log. Parameters are numbered
 * from `$firstParam`.
 */
export function auditOfInsert(
  manager: EntityManager,
  rows: readonly (readonly [EntityTarget<ObjectLiteral>, ObjectLiteral])[],
  firstParam: number,
): SqlFragment | null {
  const auditor = manager.connection.subscribers.find(
    (subscriber): subscriber is AuditSubscriber => subscriber instanceof AuditSubscriber,
  );
  if (!auditor) return null;
  const changes = rows.flatMap(([target, entity]) =>
    auditor.changesOf(manager.connection.getMetadata(target), undefined, entity),
  );
  if (!changes.length) return null;
  const columns = ['entity', 'entityId', 'field', 'oldValue', 'newValue', 'correlationId'] as const;
  const arrays = columns.map((_, i) => `$${firstParam + i}::text[]`).join(', ');
  return {
    sql: `insert into audit_log (entity, entity_id, field, old_value, new_value, correlation_id)
          select * from unnest(${arrays})`,
    params: columns.map((column) => changes.map((change) => change[column])),
  };
}
