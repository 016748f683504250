import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { PrescriptionRequest } from './prescription-request.entity';
import { Prescription } from './prescription.entity';
import type { EncounterStatus } from './statuses';

/** Why a provider may not decide a request; each maps to one HTTP refusal. */
export type RefusalReason = 'not-licensed' | 'owned-by-another-provider' | 'not-pending';

/** A decision the encounter refuses; the request is as it was, unchanged. */
export class DecisionRefusedError extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly request: PrescriptionRequest,
  ) {
    super(`Decision on prescription request ${request.id} refused: ${reason}`);
  }
}

/** The provider deciding, with the states they are licensed in. */
export interface Reviewer {
  readonly id: string;
  readonly licensedStates: readonly string[];
}

/** An order as the EHR learns of it: where it ships, and which items need a prescription. */
export interface OrderToReview {
  readonly orderUuid: string;
  readonly patientId: string;
  readonly fulfillmentState: string;
  readonly items: readonly {
    readonly orderItemUuid: string;
    readonly productId: string;
    readonly quantity: number;
    readonly requiresPrescription: boolean;
  }[];
}

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

  /**
   * Opens the review of an order's prescription items, one pending request per item, in the
   * order's own order. Null when no item needs a prescription: there is nothing to review.
   */
  static open(order: OrderToReview): Encounter | null {
    const items = order.items.filter((item) => item.requiresPrescription);
    if (items.length === 0) return null;
    const encounter = new Encounter();
    encounter.id = randomUUID();
    encounter.orderUuid = order.orderUuid;
    encounter.patientId = order.patientId;
    encounter.fulfillmentState = order.fulfillmentState;
    encounter.providerId = null;
    encounter.status = 'open';
    encounter.completedAt = null;
    encounter.requests = items.map((item, position) =>
      PrescriptionRequest.pending(encounter.id, item, position),
    );
    return encounter;
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

  /**
   * Approves a pending request and issues its prescription. `completed` is true when this was the
   * encounter's last pending request. Throws {@link DecisionRefusedError} when the reviewer may
   * not decide it.
   */
  approve(
    request: PrescriptionRequest,
    reviewer: Reviewer,
    prescribing: { sig: string; refills: number },
  ): { prescription: Prescription; completed: boolean } {
    const completed = this.decide(request, reviewer, 'approved');
    return { prescription: Prescription.issue(this, request, prescribing), completed };
  }

  /** Rejects a pending request for the reason given; as {@link approve} otherwise. */
  reject(request: PrescriptionRequest, reviewer: Reviewer, reason: string): { completed: boolean } {
    const completed = this.decide(request, reviewer, 'rejected');
    request.rejectionReason = reason;
    return { completed };
  }

  /**
   * Only a provider licensed in the state the order ships to may decide, and only the one who
   * decided first (the encounter is theirs from then on), and only a request still pending.
   * Completes the encounter on its last decision; returns whether this one completed it.
   */
  private decide(
    request: PrescriptionRequest,
    reviewer: Reviewer,
    decision: 'approved' | 'rejected',
  ): boolean {
    if (!this.requests.includes(request)) {
      throw new Error(`Prescription request ${request.id} is not part of encounter ${this.id}`);
    }
    const refusal = this.refusalFor(request, reviewer);
    if (refusal) throw new DecisionRefusedError(refusal, request);
    this.providerId = reviewer.id;
    request.status = decision;
    request.decidedBy = reviewer.id;
    request.decidedAt = new Date();
    if (this.requests.some((candidate) => candidate.status === 'pending')) return false;
    this.status = 'completed';
    this.completedAt = new Date();
    return true;
  }

  private refusalFor(request: PrescriptionRequest, reviewer: Reviewer): RefusalReason | null {
    if (!reviewer.licensedStates.includes(this.fulfillmentState)) return 'not-licensed';
    if (this.providerId && this.providerId !== reviewer.id) return 'owned-by-another-provider';
    if (request.status !== 'pending') return 'not-pending';
    return null;
  }

  itemsWith(status: 'approved' | 'rejected'): string[] {
    return this.requests.filter((r) => r.status === status).map((r) => r.orderItemUuid);
  }
}
