import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, KeyObject } from 'node:crypto';
import { AuthenticatedUser } from './authenticated-user';
import { AUTH_OPTIONS, CLOCK_SKEW_SECONDS } from './token-policy';
import type { AuthOptions } from './token-policy';
import { UserDirectory } from './user-directory';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TokenClaims {
  sub?: unknown;
  role?: unknown;
  iat?: unknown;
  exp?: unknown;
}

/**
 * Checks a bearer token; null for anything short of valid. Valid means: HS256, signed by the key
 * its `kid` names, our `iss` and `aud`, an `exp` in the future and no further than one token
 * lifetime from `iat` (a hundred-year token is refused), and a `sub` that is the UUID of an active
 * user whose role is the one claimed. Who the caller is comes from the user directory.
 */
@Injectable()
export class TokenVerifier {
  private readonly keys: Map<string, KeyObject>;

  constructor(
    private readonly jwt: JwtService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    private readonly users: UserDirectory,
  ) {
    this.keys = new Map(
      [options.keys.current, ...options.keys.previous].map(({ id, secret }) => [
        id,
        createSecretKey(Buffer.from(secret)),
      ]),
    );
  }

  async verify(token: string): Promise<AuthenticatedUser | null> {
    const claims = await this.verifiedClaims(token);
    if (!claims) return null;
    const { sub, iat, exp } = claims;
    if (typeof sub !== 'string' || !UUID.test(sub)) return null;
    if (typeof iat !== 'number' || typeof exp !== 'number') return null;
    const now = Date.now() / 1000;
    const longest = this.options.tokenTtlSeconds + CLOCK_SKEW_SECONDS;
    if (exp - iat > longest || exp - now > longest || iat > now + CLOCK_SKEW_SECONDS) return null;
    const user = await this.users.findActive(sub.toLowerCase());
    // A role claim that disagrees with the directory is stale (the role changed) or forged.
    return user && user.role === claims.role ? user : null;
  }

  private async verifiedClaims(token: string): Promise<TokenClaims | null> {
    let kid: unknown;
    try {
      kid = this.jwt.decode<{ header?: { kid?: unknown } } | null>(token, { complete: true })
        ?.header?.kid;
    } catch {
      return null;
    }
    const key = typeof kid === 'string' ? this.keys.get(kid) : undefined;
    if (!key) return null;
    try {
      return await this.jwt.verifyAsync<TokenClaims>(token, {
        secret: key as unknown as string,
        algorithms: ['HS256'],
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: CLOCK_SKEW_SECONDS,
      });
    } catch {
      return null;
    }
  }
}
