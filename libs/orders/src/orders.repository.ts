import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@pharmacy/platform';
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

  async insert(order: Order): Promise<void> {
    const manager = this.unitOfWork.manager;
    await manager.insert(Order, { ...order, items: undefined });
    await manager.insert(
      OrderItem,
      order.items.map((item) => ({ ...item, order: { uuid: order.uuid } })),
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
