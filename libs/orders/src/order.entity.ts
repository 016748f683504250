import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrderItem } from './order-item.entity';
import type { OrderStatus } from './order-status';

export type ReviewOutcome = 'ready_for_fulfillment' | 'cancelled';

/**
 * An order and the rules about its lifecycle. Clinical decisions arrive per item, in any order
 * and possibly more than once; the order concludes its review exactly once, when the last item
 * is decided. Callers hold a row lock on the order while they apply decisions.
 */
@Entity('orders')
export class Order {
  @PrimaryColumn('uuid')
  uuid!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('text')
  status!: OrderStatus;

  @Column('char', { name: 'fulfillment_state', length: 2 })
  fulfillmentState!: string;

  @Column('text', { name: 'tracking_number', nullable: true })
  trackingNumber!: string | null;

  @OneToMany(() => OrderItem, (item) => item.order, { cascade: ['insert'] })
  items!: OrderItem[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Applies one item's decision. Returns the items changed: none when it was already applied. */
  recordDecision(orderItemUuid: string, decision: 'clinically_approved' | 'rejected'): OrderItem[] {
    const item = this.items.find((candidate) => candidate.uuid === orderItemUuid);
    if (!item) throw new Error(`Order ${this.uuid} has no item ${orderItemUuid}`);
    if (item.status !== 'pending_review') return [];
    item.status = decision;
    return [item];
  }

  /**
   * Concludes clinical review once every item is decided: ready when at least one item can ship,
   * cancelled otherwise. Returns the outcome only on the call that makes the transition.
   */
  concludeReviewIfComplete(): ReviewOutcome | null {
    if (this.status !== 'pending_clinical_review') return null;
    if (!this.items.every((item) => item.isDecided)) return null;
    this.status = this.items.some((item) => item.canShip) ? 'ready_for_fulfillment' : 'cancelled';
    return this.status;
  }

  /** Records the shipment. Returns false when the order was already fulfilled. */
  markFulfilled(trackingNumber: string): boolean {
    if (this.status === 'fulfilled') return false;
    if (this.status !== 'ready_for_fulfillment') {
      throw new Error(`Order ${this.uuid} cannot be fulfilled from ${this.status}`);
    }
    this.status = 'fulfilled';
    this.trackingNumber = trackingNumber;
    return true;
  }

  get shippableItems(): OrderItem[] {
    return this.items.filter((item) => item.canShip);
  }
}
