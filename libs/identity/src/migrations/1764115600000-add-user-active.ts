import { MigrationInterface, QueryRunner } from 'typeorm';

/** A user can be deactivated: their tokens stop working at once (after the directory's short cache). */
export class AddUserActive1764115600000 implements MigrationInterface {
  name = 'AddUserActive1764115600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('alter table users add column active boolean not null default true');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('alter table users drop column active');
  }
}
