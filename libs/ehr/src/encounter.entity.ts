import { Column, CreateDateColumn, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { PrescriptionRequest } from './prescription-request.entity';
import type { EncounterStatus } from './statuses';

/** Why a provider may not decide a request; each maps to one HTTP refusal. */
export type RefusalReason = 'not-licensed' | 'owned-by-another-provider' | 'not-pending';

/**
 * One clinical review of an order's prescription items. It belongs to the first provider who
 * decides one of its requests, and completes when the last request is decided. Callers hold a
 * row lock on the encounter while deciding, so two decisions never interleave.
 */
@Entity('encounters')
export class Encounter {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'order_uuid', unique: true })
  orderUuid!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('char', { name: 'fulfillment_state', length: 2 })
  fulfillmentState!: string;

  @Column('uuid', { name: 'provider_id', nullable: true })
  providerId!: string | null;

  @Column('text')
  status!: EncounterStatus;

  @OneToMany(() => PrescriptionRequest, (request) => request.encounter)
  requests!: PrescriptionRequest[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  refusalFor(
    request: PrescriptionRequest,
    providerId: string,
    licensedStates: readonly string[],
  ): RefusalReason | null {
    if (!licensedStates.includes(this.fulfillmentState)) return 'not-licensed';
    if (this.providerId && this.providerId !== providerId) return 'owned-by-another-provider';
    if (request.status !== 'pending') return 'not-pending';
    return null;
  }

  /**
   * The care boundary of reads: the patient it is about; a provider licensed in the state the
   * order ships to, or the one who reviews it; an admin (who must state a reason, checked and
   * logged at the HTTP edge). The prescriptions of the encounter follow the same rule.
   */
  isReadableBy(
    reader: { id: string; role: string },
    readerLicensedStates: () => Promise<readonly string[]>,
  ): Promise<boolean> | boolean {
    if (reader.role === 'admin') return true;
    if (reader.role === 'patient') return this.patientId === reader.id;
    if (reader.role !== 'provider') return false;
    if (this.providerId === reader.id) return true;
    return readerLicensedStates().then((states) => states.includes(this.fulfillmentState));
  }

  /** Records a decision already checked by {@link refusalFor}. */
  decide(
    request: PrescriptionRequest,
    providerId: string,
    decision: 'approved' | 'rejected',
  ): void {
    this.providerId = providerId;
    request.status = decision;
    request.decidedBy = providerId;
    request.decidedAt = new Date();
  }

  /** Completes the encounter when its last request is decided; true only on that call. */
  completeIfAllDecided(): boolean {
    if (this.status === 'completed') return false;
    if (this.requests.some((request) => request.status === 'pending')) return false;
    this.status = 'completed';
    this.completedAt = new Date();
    return true;
  }

  itemsWith(status: 'approved' | 'rejected'): string[] {
    return this.requests.filter((r) => r.status === status).map((r) => r.orderItemUuid);
  }
}
