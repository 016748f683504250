"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ordersPersistence = exports.DEMO_PRODUCTS = exports.seedCatalog = exports.FULFILLMENT_QUEUE = exports.OrdersWorkerModule = exports.OrdersModule = void 0;
const idempotency_key_entity_1 = require("./place-order/idempotency-key.entity");
const product_entity_1 = require("./catalog/product.entity");
const order_item_entity_1 = require("./order-item.entity");
const order_entity_1 = require("./order.entity");
const _1764115200000_create_orders_1 = require("./migrations/1764115200000-create-orders");
var orders_module_1 = require("./orders.module");
Object.defineProperty(exports, "OrdersModule", { enumerable: true, get: function () { return orders_module_1.OrdersModule; } });
var orders_worker_module_1 = require("./orders-worker.module");
Object.defineProperty(exports, "OrdersWorkerModule", { enumerable: true, get: function () { return orders_worker_module_1.OrdersWorkerModule; } });
var fulfillment_queue_1 = require("./fulfillment/fulfillment-queue");
Object.defineProperty(exports, "FULFILLMENT_QUEUE", { enumerable: true, get: function () { return fulfillment_queue_1.FULFILLMENT_QUEUE; } });
var catalog_seed_1 = require("./catalog/catalog.seed");
Object.defineProperty(exports, "seedCatalog", { enumerable: true, get: function () { return catalog_seed_1.seedCatalog; } });
Object.defineProperty(exports, "DEMO_PRODUCTS", { enumerable: true, get: function () { return catalog_seed_1.DEMO_PRODUCTS; } });
exports.ordersPersistence = {
    entities: [product_entity_1.Product, order_entity_1.Order, order_item_entity_1.OrderItem, idempotency_key_entity_1.IdempotencyKey],
    migrations: [_1764115200000_create_orders_1.CreateOrders1764115200000],
};
