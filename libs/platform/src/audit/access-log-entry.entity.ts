import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who read which record, or ran which admin action, and with what result. The audit log of
 * people, beside `audit_log`, the audit log of column changes.
 */
@Entity('access_log')
export class AccessLogEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column('uuid', { name: 'actor_id' })
  actorId!: string;

  @Column('text', { name: 'actor_role' })
  actorRole!: string;

  /** `read`, or the admin route run, e.g. `POST /api/admin/event-publications/:id/resubmit`. */
  @Column('text')
  action!: string;

  /** The kind of record, e.g. `order`, `encounter`; the route path for admin actions. */
  @Column('text')
  resource!: string;

  @Column('text', { name: 'resource_id', nullable: true })
  resourceId!: string | null;

  /** Why an admin looked (the X-Access-Reason header); required of admins reading records. */
  @Column('text', { nullable: true })
  reason!: string | null;

  /** An admin action's parameters (its body), capped. */
  @Column('jsonb', { nullable: true })
  details!: object | null;

  /** The HTTP status answered; null while an admin action runs (or if the process died in it). */
  @Column('int', { nullable: true })
  outcome!: number | null;

  @Column('text', { name: 'correlation_id', nullable: true })
  correlationId!: string | null;
}
