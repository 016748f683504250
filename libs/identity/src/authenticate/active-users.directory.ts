import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork, UserDirectory } from '@pharmacy/platform';
import type { AuthenticatedUser } from '@pharmacy/platform';
import { User } from '../user.entity';

export const USER_CACHE_MS = Symbol('USER_CACHE_MS');
const MAX_CACHED = 10_000;

/**
 * Answers the bearer guard from the users table. An answer is kept for a few seconds so a burst of
 * requests costs one query; a deactivation therefore takes effect within that time.
 */
@Injectable()
export class ActiveUsersDirectory extends UserDirectory {
  private readonly cache = new Map<string, { user: AuthenticatedUser | null; until: number }>();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(USER_CACHE_MS) private readonly cacheMs: number,
  ) {
    super();
  }

  async findActive(id: string): Promise<AuthenticatedUser | null> {
    const cached = this.cache.get(id);
    if (cached && cached.until > Date.now()) return cached.user;
    const row = await this.unitOfWork.manager.findOneBy(User, { id, active: true });
    const user = row ? { id: row.id, email: row.email, role: row.role } : null;
    if (this.cacheMs > 0) {
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      this.cache.set(id, { user, until: Date.now() + this.cacheMs });
    }
    return user;
  }
}
