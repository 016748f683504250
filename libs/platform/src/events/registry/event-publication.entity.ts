import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const PUBLICATION_STATUSES = ['pending', 'completed', 'failed'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/**
 * One event owed to one subscriber: the registry's unit of delivery. Written in the transaction
 * that publishes the event; marked completed in the transaction of the subscriber that handled
 * it. A pending row whose `nextAttemptAt` is in the future is either waiting for its retry or
 * leased to a process delivering it now.
 */
@Entity('event_publications')
export class EventPublication {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('text', { name: 'event_type' })
  eventType!: string;

  @Column('integer', { name: 'event_version' })
  eventVersion!: number;

  /** The serialized event: payload and metadata, dates tagged so they come back as dates. */
  @Column('jsonb')
  event!: object;

  @Column('text')
  subscriber!: string;

  @Column('text')
  status!: PublicationStatus;

  @Column('integer')
  attempts!: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  /**
   * The lease token: whose lease it is. Set when the publication is recorded and on each claim by
   * the relay; required to complete it or record a failure. The column keeps its first name.
   */
  @Column('uuid', { name: 'claim_token', nullable: true })
  leaseToken!: string | null;

  /** W3C `traceparent` (and `tracestate`) of the publishing span; null when tracing is off. */
  @Column('jsonb', { name: 'trace_context', nullable: true })
  traceContext!: Record<string, string> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;
}
