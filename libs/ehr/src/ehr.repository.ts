import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@pharmacy/platform';
import { Encounter } from './encounter.entity';
import { PrescriptionRequest } from './prescription-request.entity';
import { Prescription } from './prescription.entity';
import { ProviderLicense } from './providers/provider-license.entity';

/** EHR records as the current unit of work sees them. */
@Injectable()
export class EhrRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get manager() {
    return this.unitOfWork.manager;
  }

  /**
   * Inserts the encounter and its requests, unless the order already has one (a redelivered
   * event): the unique index on order_uuid decides, even between concurrent deliveries.
   */
  async insertEncounterOnce(encounter: Encounter): Promise<boolean> {
    // One statement, not two: each order's delivery runs it, and a round trip is most of what a
    // statement costs here (ADR 0008). The requests are inserted only with a new encounter.
    const { requests } = encounter;
    const inserted: unknown[] = await this.manager.query(
      `with encounter as (
         insert into encounters (id, order_uuid, patient_id, fulfillment_state, provider_id, status,
           completed_at)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict do nothing
         returning id)
       insert into prescription_requests (id, encounter_id, order_item_uuid, product_id, quantity,
         position, status, rejection_reason, decided_by, decided_at)
       select r.id, encounter.id, r.order_item_uuid, r.product_id, r.quantity, r.position, r.status,
         r.rejection_reason, r.decided_by, r.decided_at
       from encounter, unnest($8::uuid[], $9::uuid[], $10::text[], $11::int[], $12::smallint[],
         $13::text[], $14::text[], $15::uuid[], $16::timestamptz[])
         as r(id, order_item_uuid, product_id, quantity, position, status, rejection_reason,
           decided_by, decided_at)
       returning 1`,
      [
        encounter.id,
        encounter.orderUuid,
        encounter.patientId,
        encounter.fulfillmentState,
        encounter.providerId,
        encounter.status,
        encounter.completedAt,
        requests.map((r) => r.id),
        requests.map((r) => r.orderItemUuid),
        requests.map((r) => r.productId),
        requests.map((r) => r.quantity),
        requests.map((r) => r.position),
        requests.map((r) => r.status),
        requests.map((r) => r.rejectionReason),
        requests.map((r) => r.decidedBy),
        requests.map((r) => r.decidedAt),
      ],
    );
    return inserted.length > 0;
  }

  findEncounter(id: string): Promise<Encounter | null> {
    return this.manager.findOne(Encounter, {
      where: { id },
      relations: { requests: true },
      order: { requests: { position: 'ASC' } },
    });
  }

  /**
   * Loads a request with its whole encounter, the encounter row locked until the transaction
   * ends: decisions on one encounter serialise, so ownership and completion are decided once.
   */
  async findRequestForDecision(
    requestId: string,
  ): Promise<{ encounter: Encounter; request: PrescriptionRequest } | null> {
    const found = await this.manager.findOneBy(PrescriptionRequest, { id: requestId });
    if (!found) return null;
    const encounter = await this.manager.findOne(Encounter, {
      where: { id: found.encounterId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!encounter) return null;
    encounter.requests = await this.manager.find(PrescriptionRequest, {
      where: { encounterId: encounter.id },
      order: { position: 'ASC' },
    });
    const request = encounter.requests.find((candidate) => candidate.id === requestId)!;
    return { encounter, request };
  }

  async saveDecision(encounter: Encounter, request: PrescriptionRequest): Promise<void> {
    const { status, rejectionReason, decidedBy, decidedAt } = request;
    await this.manager.update(
      PrescriptionRequest,
      { id: request.id },
      { status, rejectionReason, decidedBy, decidedAt },
    );
    await this.manager.update(
      Encounter,
      { id: encounter.id },
      {
        providerId: encounter.providerId,
        status: encounter.status,
        completedAt: encounter.completedAt,
      },
    );
  }

  async licensedStates(providerId: string): Promise<string[]> {
    const licenses = await this.manager.findBy(ProviderLicense, { providerId });
    return licenses.map((license) => license.state);
  }

  async insertPrescription(prescription: Prescription): Promise<void> {
    await this.manager.insert(Prescription, prescription);
  }

  findPrescription(id: string): Promise<Prescription | null> {
    return this.manager.findOneBy(Prescription, { id });
  }

  findPrescriptionForUpdate(id: string): Promise<Prescription | null> {
    return this.manager.findOne(Prescription, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  findPrescriptionsOfEncounter(encounterId: string): Promise<Prescription[]> {
    return this.manager.find(Prescription, { where: { encounterId }, order: { createdAt: 'ASC' } });
  }

  /** Prescriptions waiting for transmission for at least `olderThanMs`, oldest first. */
  async findPendingPrescriptionIds(olderThanMs: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `select id from prescriptions
       where status = 'pending_transmission' and created_at <= now() - $1 * interval '1 millisecond'
       order by created_at limit $2`,
      [olderThanMs, limit],
    );
    return rows.map((row) => row.id);
  }

  /** The prescription, locked, or null when another transaction holds its lock now. */
  lockPrescriptionUnlessBusy(id: string): Promise<Prescription | null> {
    return this.manager.findOne(Prescription, {
      where: { id },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
  }

  findPrescriptionsByStatus(
    status: Prescription['status'],
    limit: number,
  ): Promise<Prescription[]> {
    return this.manager.find(Prescription, {
      where: { status },
      order: { createdAt: 'ASC' },
      take: limit,
    });
  }

  async savePrescriptionStatus(prescription: Prescription): Promise<void> {
    const { id, status, erxReference, failureReason, failureDetail, transmittedAt } = prescription;
    // save(), not update(): it reads the row first, so the audit log sees the old status.
    await this.manager.save(Prescription, {
      id,
      status,
      erxReference,
      failureReason,
      failureDetail,
      transmittedAt,
    });
  }
}
