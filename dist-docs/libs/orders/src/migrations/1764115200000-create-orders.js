"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateOrders1764115200000 = void 0;
class CreateOrders1764115200000 {
    constructor() {
        this.name = 'CreateOrders1764115200000';
    }
    async up(db) {
        await db.query(`
      create table products (
        id text primary key,
        name text not null,
        requires_prescription boolean not null,
        price_cents integer not null check (price_cents >= 0)
      )`);
        await db.query(`
      create table orders (
        uuid uuid primary key,
        patient_id uuid not null,
        status text not null check (status in
          ('pending_clinical_review', 'ready_for_fulfillment', 'fulfilled', 'cancelled')),
        fulfillment_state char(2) not null,
        tracking_number text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
        await db.query(`create index orders_patient_idx on orders (patient_id, created_at desc)`);
        await db.query(`
      create table order_items (
        uuid uuid primary key,
        order_uuid uuid not null references orders (uuid) on delete cascade,
        position smallint not null,
        product_id text not null references products (id),
        quantity integer not null check (quantity between 1 and 10),
        requires_prescription boolean not null,
        status text not null check (status in
          ('pending_review', 'not_required', 'clinically_approved', 'rejected')),
        unique (order_uuid, product_id)
      )`);
        await db.query(`create index order_items_order_idx on order_items (order_uuid, position)`);
        await db.query(`
      create table order_idempotency_keys (
        patient_id uuid not null,
        key text not null,
        request_hash text not null,
        response_body jsonb,
        created_at timestamptz not null default now(),
        primary key (patient_id, key)
      )`);
    }
    async down(db) {
        await db.query('drop table order_idempotency_keys, order_items, orders, products');
    }
}
exports.CreateOrders1764115200000 = CreateOrders1764115200000;
