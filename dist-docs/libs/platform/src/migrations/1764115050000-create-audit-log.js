"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateAuditLog1764115050000 = void 0;
class CreateAuditLog1764115050000 {
    constructor() {
        this.name = 'CreateAuditLog1764115050000';
    }
    async up(db) {
        await db.query(`
      create table audit_log (
        id bigserial primary key,
        entity text not null,
        entity_id text not null,
        field text not null,
        old_value text,
        new_value text,
        changed_at timestamptz not null default now(),
        correlation_id text
      )`);
        await db.query(`create index audit_log_entity_idx on audit_log (entity, entity_id, id)`);
    }
    async down(db) {
        await db.query('drop table audit_log');
    }
}
exports.CreateAuditLog1764115050000 = CreateAuditLog1764115050000;
