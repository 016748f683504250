import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@pharmacy/platform';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';

/** Orders as the current unit of work sees them. */
@Injectable()
export class OrdersRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

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
    });
  }
}
