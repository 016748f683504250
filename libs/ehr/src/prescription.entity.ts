import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { PrescriptionStatus } from './statuses';

@Entity('prescriptions')
export class Prescription {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'prescription_request_id', unique: true })
  prescriptionRequestId!: string;

  @Column('uuid', { name: 'encounter_id' })
  encounterId!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('uuid', { name: 'provider_id' })
  providerId!: string;

  @Column('text', { name: 'product_id' })
  productId!: string;

  @Column('text')
  sig!: string;

  @Column('smallint')
  refills!: number;

  @Column('text')
  status!: PrescriptionStatus;

  @Column('text', { name: 'erx_reference', nullable: true })
  erxReference!: string | null;

  @Column('text', { name: 'failure_reason', nullable: true })
  failureReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'transmitted_at', nullable: true })
  transmittedAt!: Date | null;

  /**
   * Records the network's answer. Returns false when it was already recorded. A success that
   * arrives after a recorded failure (a retry whose answer was lost, then found) still wins:
   * the network has the prescription, so `transmitted` is the truth.
   */
  markTransmitted(erxReference: string): boolean {
    if (this.status === 'transmitted') return false;
    this.status = 'transmitted';
    this.erxReference = erxReference;
    this.transmittedAt = new Date();
    return true;
  }

  markTransmissionFailed(reason: string): boolean {
    if (this.status !== 'pending_transmission') return false;
    this.status = 'transmission_failed';
    this.failureReason = reason.slice(0, 1000);
    return true;
  }
}
