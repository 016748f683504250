import { MigrationInterface, QueryRunner } from 'typeorm';

/** A fulfillment that failed for good is a state of the order, with a reason, not a job in Redis. */
export class FulfillmentFailed1764116000100 implements MigrationInterface {
  name = 'FulfillmentFailed1764116000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table orders
        drop constraint orders_status_check,
        add constraint orders_status_check check (status in ('pending_clinical_review',
          'ready_for_fulfillment', 'fulfillment_failed', 'fulfilled', 'cancelled')),
        add column failure_reason text,
        add column failure_detail text`);
    await db.query(`
      create index orders_ready_idx on orders (updated_at)
      where status = 'ready_for_fulfillment'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index orders_ready_idx`);
    await db.query(`
      alter table orders
        drop column failure_detail,
        drop column failure_reason,
        drop constraint orders_status_check,
        add constraint orders_status_check check (status in ('pending_clinical_review',
          'ready_for_fulfillment', 'fulfilled', 'cancelled'))`);
  }
}
