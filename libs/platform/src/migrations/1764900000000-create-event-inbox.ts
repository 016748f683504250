import { MigrationInterface, QueryRunner } from 'typeorm';

/** The broker backend's inbox: which subscriber has received which event. */
export class CreateEventInbox1764900000000 implements MigrationInterface {
  name = 'CreateEventInbox1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table event_inbox (
        subscriber text not null,
        event_id uuid not null,
        received_at timestamptz not null default now(),
        -- host:pid of the process that handled it: shows how consumers shared the work
        consumer text not null,
        primary key (subscriber, event_id)
      )`);
    await db.query('create index event_inbox_received_idx on event_inbox (received_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table event_inbox');
  }
}
