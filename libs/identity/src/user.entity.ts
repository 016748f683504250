import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@pharmacy/platform';

@Entity('users')
export class User {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  email!: string;

  @Column('text')
  role!: Role;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  /** A deactivated user can no longer log in, and their tokens are refused. */
  @Column('boolean', { default: true })
  active?: boolean;
}
