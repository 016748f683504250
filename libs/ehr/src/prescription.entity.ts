import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { PrescriptionStatus } from './statuses';

/** What a patient or provider is told; the partner's words never reach them. */
export const TRANSMISSION_FAILED_REASON =
  'The prescription could not be sent to the pharmacy network. Our team has been alerted.';

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

  /** Why it failed, in words fit for a patient; the partner's own words are in `failureDetail`. */
  @Column('text', { name: 'failure_reason', nullable: true })
  failureReason!: string | null;

  /** What the network or the last retry said: for operators only (logs and the admin view). */
  @Column('text', { name: 'failure_detail', nullable: true })
  failureDetail!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'transmitted_at', nullable: true })
  transmittedAt!: Date | null;

  /**
   * The prescription for an approved request, written by the provider who approved it and
   * waiting to be sent to the pharmacy network. `Encounter.approve()` issues it.
   */
  static issue(
    encounter: { readonly id: string; readonly patientId: string },
    request: {
      readonly id: string;
      readonly productId: string;
      readonly status: string;
      readonly decidedBy: string | null;
    },
    { sig, refills }: { sig: string; refills: number },
  ): Prescription {
    if (request.status !== 'approved' || !request.decidedBy) {
      throw new Error(`Prescription request ${request.id} is ${request.status}, not approved`);
    }
    const prescription = new Prescription();
    prescription.id = randomUUID();
    prescription.prescriptionRequestId = request.id;
    prescription.encounterId = encounter.id;
    prescription.patientId = encounter.patientId;
    prescription.providerId = request.decidedBy;
    prescription.productId = request.productId;
    prescription.sig = sig;
    prescription.refills = refills;
    prescription.status = 'pending_transmission';
    prescription.erxReference = null;
    prescription.failureReason = null;
    prescription.failureDetail = null;
    prescription.transmittedAt = null;
    return prescription;
  }

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

  /** Gives up on sending it, for now: an operator can `retryTransmission()` once the cause is fixed. */
  markTransmissionFailed(detail: string): boolean {
    if (this.status !== 'pending_transmission') return false;
    this.status = 'transmission_failed';
    this.failureReason = TRANSMISSION_FAILED_REASON;
    this.failureDetail = detail.slice(0, 4000);
    return true;
  }

  /** Puts a failed prescription back in line. False when it is not failed (a repeat is a no-op). */
  retryTransmission(): boolean {
    if (this.status !== 'transmission_failed') return false;
    this.status = 'pending_transmission';
    this.failureReason = null;
    this.failureDetail = null;
    return true;
  }
}
