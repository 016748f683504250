"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateNotifications1764115400000 = void 0;
class CreateNotifications1764115400000 {
    constructor() {
        this.name = 'CreateNotifications1764115400000';
    }
    async up(db) {
        // No foreign key to orders: that table belongs to another module. The unique constraint is
        // what makes a redelivered or duplicate event harmless: one notification per order and kind.
        await db.query(`
      create table notifications (
        id uuid primary key,
        patient_id uuid not null,
        kind text not null check (kind in ('order_shipped', 'order_cancelled')),
        order_uuid uuid not null,
        message text not null,
        created_at timestamptz not null default now(),
        unique (order_uuid, kind)
      )`);
        await db.query(`create index notifications_patient_idx on notifications (patient_id, created_at desc)`);
    }
    async down(db) {
        await db.query('drop table notifications');
    }
}
exports.CreateNotifications1764115400000 = CreateNotifications1764115400000;
