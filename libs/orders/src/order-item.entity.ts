import { randomUUID } from 'node:crypto';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Order } from './order.entity';
import type { OrderItemStatus } from './order-status';

/** What the catalog says about a product, as far as an order cares. */
export interface OrderableProduct {
  readonly id: string;
  readonly requiresPrescription: boolean;
}

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

  /** A new item: one that needs a prescription waits for review, the others need none. */
  static forProduct(product: OrderableProduct, quantity: number, position: number): OrderItem {
    const item = new OrderItem();
    item.uuid = randomUUID();
    item.position = position;
    item.productId = product.id;
    item.quantity = quantity;
    item.requiresPrescription = product.requiresPrescription;
    item.status = product.requiresPrescription ? 'pending_review' : 'not_required';
    return item;
  }

  /** Whether the pharmacy may ship this item once the order is ready. */
  get canShip(): boolean {
    return this.status === 'not_required' || this.status === 'clinically_approved';
  }

  get isDecided(): boolean {
    return this.status !== 'pending_review';
  }
}
