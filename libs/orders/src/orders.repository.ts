import { Injectable } from '@nestjs/common';
import { auditOfInsert, UnitOfWork } from '@pharmacy/platform';
import { In } from 'typeorm';
import { Product } from './catalog/product.entity';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';

/** Orders as the current unit of work sees them. */
@Injectable()
export class OrdersRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The listed products the catalog has, by id; unknown ids are simply absent. */
  async products(ids: readonly string[]): Promise<Map<string, Product>> {
    const found = await this.unitOfWork.manager.findBy(Product, { id: In([...ids]) });
    return new Map(found.map((product) => [product.id, product]));
  }

  /**
   * Inserts the order, its items and the audit rows they owe in one statement: every order placed
   * runs it, and a round trip is most of what a statement costs here (ADR 0008).
   */
  async insert(order: Order): Promise<void> {
    const manager = this.unitOfWork.manager;
    const { items } = order;
    const params: unknown[] = [
      order.uuid,
      order.patientId,
      order.status,
      order.fulfillmentState,
      order.trackingNumber,
      order.failureReason,
      order.failureDetail,
      order.createdAt,
      order.updatedAt,
      items.map((item) => item.uuid),
      items.map((item) => item.position),
      items.map((item) => item.productId),
      items.map((item) => item.quantity),
      items.map((item) => item.requiresPrescription),
      items.map((item) => item.status),
    ];
    const audit = auditOfInsert(
      manager,
      [[Order, order], ...items.map((item) => [OrderItem, item] as const)],
      params.length + 1,
    );
    await manager.query(
      `with new_order as (
         insert into orders (uuid, patient_id, status, fulfillment_state, tracking_number,
           failure_reason, failure_detail, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9))
       ${audit ? `, audit as (${audit.sql})` : ''}
       insert into order_items (uuid, order_uuid, position, product_id, quantity,
         requires_prescription, status)
       select i.uuid, $1, i.position, i.product_id, i.quantity, i.requires_prescription, i.status
       from unnest($10::uuid[], $11::smallint[], $12::text[], $13::int[], $14::boolean[],
         $15::text[]) as i(uuid, position, product_id, quantity, requires_prescription, status)`,
      [...params, ...(audit?.params ?? [])],
    );
  }

  find(uuid: string): Promise<Order | null> {
    return this.unitOfWork.manager.findOne(Order, {
      where: { uuid },
      relations: { items: true },
      order: { items: { position: 'ASC' } },
    });
  }

  /**
   * Loads the order holding a row lock until the transaction ends, so that decisions about the
   * same order serialise and the last one sees every other's effect.
   */
  async findForUpdate(uuid: string): Promise<Order | null> {
    const manager = this.unitOfWork.manager;
    const order = await manager.findOne(Order, {
      where: { uuid },
      lock: { mode: 'pessimistic_write' },
    });
    if (!order) return null;
    order.items = await manager.find(OrderItem, {
      where: { order: { uuid } },
      order: { position: 'ASC' },
    });
    return order;
  }

  findForPatient(patientId: string): Promise<Order[]> {
    return this.unitOfWork.manager.find(Order, {
      where: { patientId },
      relations: { items: true },
      order: { createdAt: 'DESC', items: { position: 'ASC' } },
    });
  }

  /** Orders ready for fulfillment for at least `olderThanMs`, oldest first. */
  async findReadyOrderUuids(olderThanMs: number, limit: number): Promise<string[]> {
    const rows: { uuid: string }[] = await this.unitOfWork.manager.query(
      `select uuid from orders
       where status = 'ready_for_fulfillment' and updated_at <= now() - $1 * interval '1 millisecond'
       order by updated_at limit $2`,
      [olderThanMs, limit],
    );
    return rows.map((row) => row.uuid);
  }

  /** The order (without items), locked, or null when another transaction holds its lock now. */
  lockUnlessBusy(uuid: string): Promise<Order | null> {
    return this.unitOfWork.manager.findOne(Order, {
      where: { uuid },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
  }

  findByStatus(status: Order['status'], limit: number): Promise<Order[]> {
    return this.unitOfWork.manager.find(Order, {
      where: { status },
      relations: { items: true },
      order: { updatedAt: 'ASC', items: { position: 'ASC' } },
      take: limit,
    });
  }

  async saveStatus(order: Order, changedItems: readonly OrderItem[] = []): Promise<void> {
    const manager = this.unitOfWork.manager;
    for (const item of changedItems) {
      await manager.update(OrderItem, { uuid: item.uuid }, { status: item.status });
    }
    // save(), not update(): it reads the row first, so the audit log sees the old status.
    await manager.save(Order, {
      uuid: order.uuid,
      status: order.status,
      trackingNumber: order.trackingNumber,
      failureReason: order.failureReason,
      failureDetail: order.failureDetail,
    });
  }
}
