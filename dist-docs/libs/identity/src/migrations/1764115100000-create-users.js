"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateUsers1764115100000 = void 0;
class CreateUsers1764115100000 {
    constructor() {
        this.name = 'CreateUsers1764115100000';
    }
    async up(db) {
        await db.query(`
      create table users (
        id uuid primary key,
        email text not null unique,
        role text not null check (role in ('patient', 'provider', 'admin')),
        display_name text not null
      )`);
    }
    async down(db) {
        await db.query('drop table users');
    }
}
exports.CreateUsers1764115100000 = CreateUsers1764115100000;
