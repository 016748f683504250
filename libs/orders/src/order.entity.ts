import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { randomUUID } from 'node:crypto';
import { OrderableProduct, OrderItem } from './order-item.entity';
import type { OrderStatus } from './order-status';

export type ReviewOutcome = 'ready_for_fulfillment' | 'cancelled';

/** One line of an order, as the patient wrote it: `items.<index>` in the request. */
export interface OrderLine {
  readonly productId: string;
  readonly quantity: number;
}

/** An order that may not be placed as asked; each problem names the line it is about. */
export class OrderRefusedError extends Error {
  constructor(readonly problems: { field: string; message: string }[]) {
    super(problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '));
  }
}

/** What the patient is told; the pharmacy's words never reach them. */
export const FULFILLMENT_FAILED_REASON =
  'Your order could not be handed to the pharmacy yet. Our team has been alerted.';

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

  /** Why shipping failed, in words fit for the patient; the partner's own are in `failureDetail`. */
  @Column('text', { name: 'failure_reason', nullable: true })
  failureReason!: string | null;

  /** What the pharmacy or the last retry said: for operators only (logs and the admin view). */
  @Column('text', { name: 'failure_detail', nullable: true })
  failureDetail!: string | null;

  @OneToMany(() => OrderItem, (item) => item.order, { cascade: ['insert'] })
  items!: OrderItem[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /**
   * A new order for the lines the patient asked for, in their order. Each product may appear on
   * one line only, and must be in the catalog. An item that needs a prescription waits for review;
   * the others need none. An order with no prescription item is ready for fulfillment at once.
   */
  static place(
    patientId: string,
    fulfillmentState: string,
    lines: readonly OrderLine[],
    catalog: ReadonlyMap<string, OrderableProduct>,
  ): Order {
    const ids = lines.map((line) => line.productId);
    const problems = ids.flatMap((id, index) =>
      ids.indexOf(id) !== index
        ? [{ field: `items.${index}.productId`, message: `product ${id} is listed more than once` }]
        : [],
    );
    ids.forEach((id, index) => {
      if (!catalog.has(id))
        problems.push({ field: `items.${index}.productId`, message: `unknown product ${id}` });
    });
    if (problems.length > 0) throw new OrderRefusedError(problems);

    const order = new Order();
    order.uuid = randomUUID();
    order.patientId = patientId;
    order.status = 'pending_clinical_review';
    order.fulfillmentState = fulfillmentState;
    order.trackingNumber = null;
    order.failureReason = null;
    order.failureDetail = null;
    order.createdAt = order.updatedAt = new Date();
    order.items = lines.map((line, position) =>
      OrderItem.forProduct(catalog.get(line.productId)!, line.quantity, position),
    );
    order.concludeReviewIfComplete();
    return order;
  }

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

  /**
   * Records the shipment. Returns false when the order was already fulfilled. A shipment that
   * succeeds after a recorded failure (an answer lost, then found by a retry) still wins: the
   * pharmacy has it, so `fulfilled` is the truth.
   */
  markFulfilled(trackingNumber: string): boolean {
    if (this.status === 'fulfilled') return false;
    if (this.status !== 'ready_for_fulfillment' && this.status !== 'fulfillment_failed') {
      throw new Error(`Order ${this.uuid} cannot be fulfilled from ${this.status}`);
    }
    this.status = 'fulfilled';
    this.trackingNumber = trackingNumber;
    this.failureReason = null;
    this.failureDetail = null;
    return true;
  }

  /** Gives up on shipping, for now: an operator can `retryFulfillment()` once the cause is fixed. */
  markFulfillmentFailed(detail: string): boolean {
    if (this.status !== 'ready_for_fulfillment') return false;
    this.status = 'fulfillment_failed';
    this.failureReason = FULFILLMENT_FAILED_REASON;
    this.failureDetail = detail.slice(0, 4000);
    return true;
  }

  /** Puts a failed fulfillment back in line. False when it is not failed (a repeat is a no-op). */
  retryFulfillment(): boolean {
    if (this.status !== 'fulfillment_failed') return false;
    this.status = 'ready_for_fulfillment';
    this.failureReason = null;
    this.failureDetail = null;
    return true;
  }

  get shippableItems(): OrderItem[] {
    return this.items.filter((item) => item.canShip);
  }
}
