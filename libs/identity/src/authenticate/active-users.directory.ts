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
  private readonly cache = new Map<
    string,
    { user: Promise<AuthenticatedUser | null>; until: number }
  >();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(USER_CACHE_MS) private readonly cacheMs: number,
  ) {
    super();
  }

  /**
   * Concurrent requests of one user share one lookup (the promise is cached at once), so a burst
   * costs one connection, not one each from a small pool.
   */
  findActive(id: string): Promise<AuthenticatedUser | null> {
    const cached = this.cache.get(id);
    if (cached && cached.until > Date.now()) return cached.user;
    const user = this.lookUp(id);
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    // Until it settles, the lookup is shared even with caching off; a failure is never kept.
    const entry = { user, until: Number.POSITIVE_INFINITY };
    this.cache.set(id, entry);
    user.then(
      () => {
        if (this.cacheMs > 0) entry.until = Date.now() + this.cacheMs;
        else if (this.cache.get(id) === entry) this.cache.delete(id);
      },
      () => {
        if (this.cache.get(id) === entry) this.cache.delete(id);
      },
    );
    return user;
  }

  private async lookUp(id: string): Promise<AuthenticatedUser | null> {
    const row = await this.unitOfWork.manager.findOneBy(User, { id, active: true });
    return row ? { id: row.id, email: row.email, role: row.role } : null;
  }
}
