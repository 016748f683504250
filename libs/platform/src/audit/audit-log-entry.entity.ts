import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change of one audited column of one row, written in the transaction that made it. */
@Entity('audit_log')
export class AuditLogEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  /** The table, e.g. `orders`. */
  @Column('text')
  entity!: string;

  /** The row's primary key (composite keys joined with a comma). */
  @Column('text', { name: 'entity_id' })
  entityId!: string;

  /** The column's database name, e.g. `status`. */
  @Column('text')
  field!: string;

  /** Null when the row was inserted. */
  @Column('text', { name: 'old_value', nullable: true })
  oldValue!: string | null;

  @Column('text', { name: 'new_value', nullable: true })
  newValue!: string | null;

  /** The transaction's start time (PostgreSQL's now()). */
  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  /** The request or job chain that caused the change. */
  @Column('text', { name: 'correlation_id', nullable: true })
  correlationId!: string | null;
}
