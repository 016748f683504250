import type { ModulePersistence } from '@pharmacy/platform';
import { IdempotencyKey } from './place-order/idempotency-key.entity';
import { Product } from './catalog/product.entity';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';
import { CreateOrders1764115200000 } from './migrations/1764115200000-create-orders';
import { FulfillmentFailed1764116000100 } from './migrations/1764116000100-fulfillment-failed';

export { OrdersModule } from './orders.module';
export { OrdersWorkerModule } from './orders-worker.module';
export { FULFILLMENT_QUEUE } from './fulfillment/fulfillment-queue';
export { seedCatalog, DEMO_PRODUCTS } from './catalog/catalog.seed';

export const ordersPersistence: ModulePersistence = {
  entities: [Product, Order, OrderItem, IdempotencyKey],
  migrations: [CreateOrders1764115200000, FulfillmentFailed1764116000100],
};
