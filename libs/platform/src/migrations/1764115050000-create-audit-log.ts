import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditLog1764115050000 implements MigrationInterface {
  name = 'CreateAuditLog1764115050000';

  async up(db: QueryRunner): Promise<void> {
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

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table audit_log');
  }
}
