import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Order } from './order.entity';
import type { OrderItemStatus } from './order-status';

@Entity('order_items')
export class OrderItem {
  @PrimaryColumn('uuid')
  uuid!: string;

  @ManyToOne('Order', (order: Order) => order.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_uuid' })
  order!: Order;

  /** Where the patient listed it; keeps the items in their original order. */
  @Column('smallint')
  position!: number;

  @Column('text', { name: 'product_id' })
  productId!: string;

  @Column('integer')
  quantity!: number;

  @Column('boolean', { name: 'requires_prescription' })
  requiresPrescription!: boolean;

  @Column('text')
  status!: OrderItemStatus;

  /** Whether the pharmacy may ship this item once the order is ready. */
  get canShip(): boolean {
    return this.status === 'not_required' || this.status === 'clinically_approved';
  }

  get isDecided(): boolean {
    return this.status !== 'pending_review';
  }
}
