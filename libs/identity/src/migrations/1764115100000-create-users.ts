import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsers1764115100000 implements MigrationInterface {
  name = 'CreateUsers1764115100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table users (
        id uuid primary key,
        email text not null unique,
        role text not null check (role in ('patient', 'provider', 'admin')),
        display_name text not null
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table users');
  }
}
