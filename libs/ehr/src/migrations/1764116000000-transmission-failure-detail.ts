import { MigrationInterface, QueryRunner } from 'typeorm';

/** The partner's own words about a failed transmission, for operators; patients see a generic reason. */
export class TransmissionFailureDetail1764116000000 implements MigrationInterface {
  name = 'TransmissionFailureDetail1764116000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table prescriptions add column failure_detail text`);
    await db.query(`
      create index prescriptions_pending_idx on prescriptions (created_at)
      where status = 'pending_transmission'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index prescriptions_pending_idx`);
    await db.query(`alter table prescriptions drop column failure_detail`);
  }
}
