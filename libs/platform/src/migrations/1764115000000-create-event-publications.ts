import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEventPublications1764115000000 implements MigrationInterface {
  name = 'CreateEventPublications1764115000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table event_publications (
        id uuid primary key,
        event_id uuid not null,
        event_type text not null,
        event_version integer not null,
        event jsonb not null,
        subscriber text not null,
        status text not null check (status in ('pending', 'completed', 'failed')),
        attempts integer not null default 0,
        last_error text,
        next_attempt_at timestamptz not null,
        claim_token uuid,
        created_at timestamptz not null default now(),
        completed_at timestamptz,
        unique (event_id, subscriber)
      )`);
    // The relay's hot query: due pending rows, oldest first. Partial, so completed rows cost nothing.
    await db.query(`create index event_publications_due_idx on event_publications (next_attempt_at)
      where status = 'pending'`);
    await db.query(`create index event_publications_status_idx
      on event_publications (status, event_type, subscriber)`);
    await db.query(`create index event_publications_completed_idx on event_publications (completed_at)
      where status = 'completed'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table event_publications');
  }
}
