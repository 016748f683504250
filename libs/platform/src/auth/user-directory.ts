import { AuthenticatedUser } from './authenticated-user';

/**
 * Who may hold a token: the identity module answers it from its users. A token whose subject is
 * unknown or deactivated is refused, and its role is the directory's, not the token's.
 */
export abstract class UserDirectory {
  /** The active user with this id, or null. `id` is a well-formed UUID. */
  abstract findActive(id: string): Promise<AuthenticatedUser | null>;
}
