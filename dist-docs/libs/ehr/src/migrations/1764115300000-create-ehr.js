"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateEhr1764115300000 = void 0;
class CreateEhr1764115300000 {
    constructor() {
        this.name = 'CreateEhr1764115300000';
    }
    async up(db) {
        await db.query(`
      create table provider_licenses (
        provider_id uuid not null,
        state char(2) not null,
        primary key (provider_id, state)
      )`);
        await db.query(`
      create table encounters (
        id uuid primary key,
        order_uuid uuid not null unique,
        patient_id uuid not null,
        fulfillment_state char(2) not null,
        provider_id uuid,
        status text not null check (status in ('open', 'completed')),
        created_at timestamptz not null default now(),
        completed_at timestamptz
      )`);
        await db.query(`create index encounters_open_idx on encounters (fulfillment_state, created_at)
      where status = 'open'`);
        await db.query(`
      create table prescription_requests (
        id uuid primary key,
        encounter_id uuid not null references encounters (id) on delete cascade,
        order_item_uuid uuid not null unique,
        product_id text not null,
        quantity integer not null,
        position smallint not null,
        status text not null check (status in ('pending', 'approved', 'rejected')),
        rejection_reason text,
        decided_by uuid,
        decided_at timestamptz
      )`);
        await db.query(`create index prescription_requests_encounter_idx
      on prescription_requests (encounter_id, position)`);
        await db.query(`
      create table prescriptions (
        id uuid primary key,
        prescription_request_id uuid not null unique references prescription_requests (id),
        encounter_id uuid not null references encounters (id),
        patient_id uuid not null,
        provider_id uuid not null,
        product_id text not null,
        sig text not null,
        refills smallint not null check (refills between 0 and 11),
        status text not null check (status in
          ('pending_transmission', 'transmitted', 'transmission_failed')),
        erx_reference text,
        failure_reason text,
        created_at timestamptz not null default now(),
        transmitted_at timestamptz
      )`);
        await db.query(`create index prescriptions_encounter_idx on prescriptions (encounter_id)`);
    }
    async down(db) {
        await db.query('drop table prescriptions, prescription_requests, encounters, provider_licenses');
    }
}
exports.CreateEhr1764115300000 = CreateEhr1764115300000;
