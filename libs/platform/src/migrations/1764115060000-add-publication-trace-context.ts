import { MigrationInterface, QueryRunner } from 'typeorm';

/** The W3C trace context of the publishing span, so a delivery continues the publisher's trace. */
export class AddPublicationTraceContext1764115060000 implements MigrationInterface {
  name = 'AddPublicationTraceContext1764115060000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table event_publications add column trace_context jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table event_publications drop column trace_context`);
  }
}
