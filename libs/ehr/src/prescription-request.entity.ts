import { randomUUID } from 'node:crypto';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Encounter } from './encounter.entity';
import type { RequestStatus } from './statuses';

@Entity('prescription_requests')
export class PrescriptionRequest {
  @PrimaryColumn('uuid')
  id!: string;

  @ManyToOne('Encounter', (encounter: Encounter) => encounter.requests, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'encounter_id' })
  encounter!: Encounter;

  @Column('uuid', { name: 'encounter_id' })
  encounterId!: string;

  @Column('uuid', { name: 'order_item_uuid' })
  orderItemUuid!: string;

  @Column('text', { name: 'product_id' })
  productId!: string;

  @Column('integer')
  quantity!: number;

  @Column('smallint')
  position!: number;

  @Column('text')
  status!: RequestStatus;

  @Column('text', { name: 'rejection_reason', nullable: true })
  rejectionReason!: string | null;

  @Column('uuid', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  /** A request for one order item, waiting for a provider's decision. */
  static pending(
    encounterId: string,
    item: { orderItemUuid: string; productId: string; quantity: number },
    position: number,
  ): PrescriptionRequest {
    const request = new PrescriptionRequest();
    request.id = randomUUID();
    request.encounterId = encounterId;
    request.orderItemUuid = item.orderItemUuid;
    request.productId = item.productId;
    request.quantity = item.quantity;
    request.position = position;
    request.status = 'pending';
    request.rejectionReason = null;
    request.decidedBy = null;
    request.decidedAt = null;
    return request;
  }
}
