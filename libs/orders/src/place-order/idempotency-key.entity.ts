import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The first answer given to an `Idempotency-Key`, replayed to every retry with the same key. */
@Entity('order_idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn('uuid', { name: 'patient_id' })
  patientId!: string;

  @PrimaryColumn('text')
  key!: string;

  /** SHA-256 of the request body; the same key with another body is refused. */
  @Column('text', { name: 'request_hash' })
  requestHash!: string;

  @Column('jsonb', { name: 'response_body', nullable: true })
  responseBody!: object | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
