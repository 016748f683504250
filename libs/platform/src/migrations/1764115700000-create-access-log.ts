import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccessLog1764115700000 implements MigrationInterface {
  name = 'CreateAccessLog1764115700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table access_log (
        id bigserial primary key,
        at timestamptz not null default now(),
        actor_id uuid not null,
        actor_role text not null,
        action text not null,
        resource text not null,
        resource_id text,
        reason text,
        details jsonb,
        outcome int,
        correlation_id text
      )`);
    await db.query(
      'create index access_log_resource_idx on access_log (resource, resource_id, id)',
    );
    await db.query('create index access_log_actor_idx on access_log (actor_id, id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table access_log');
  }
}
