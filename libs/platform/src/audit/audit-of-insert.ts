import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditSubscriber } from './audit-subscriber';

/** SQL with its parameters, numbered from the `$n` it was asked to start at. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * The audit rows an insert of `entity` owes, as an `insert into audit_log` to run inside the
 * insert's own statement (a data-modifying CTE): for a hot path that writes an audited entity in
 * one raw statement, which the audit subscriber cannot see, instead of paying a round trip for
 * the audit row on its own (ADR 0008). The rows are the subscriber's, so the configuration stays
 * in one place. Null when nothing is owed: the table is not audited, or the app runs without the
 * audit log. Parameters are numbered from `$firstParam`.
 */
export function auditOfInsert(
  manager: EntityManager,
  target: EntityTarget<ObjectLiteral>,
  entity: ObjectLiteral,
  firstParam: number,
): SqlFragment | null {
  const auditor = manager.connection.subscribers.find(
    (subscriber): subscriber is AuditSubscriber => subscriber instanceof AuditSubscriber,
  );
  const changes = auditor?.changesOf(manager.connection.getMetadata(target), undefined, entity);
  if (!changes?.length) return null;
  const columns = ['entity', 'entityId', 'field', 'oldValue', 'newValue', 'correlationId'] as const;
  const arrays = columns.map((_, i) => `$${firstParam + i}::text[]`).join(', ');
  return {
    sql: `insert into audit_log (entity, entity_id, field, old_value, new_value, correlation_id)
          select * from unnest(${arrays})`,
    params: columns.map((column) => changes.map((change) => change[column])),
  };
}
