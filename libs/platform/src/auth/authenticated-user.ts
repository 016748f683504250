export const ROLES = ['patient', 'provider', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as proven by the bearer token. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
}
