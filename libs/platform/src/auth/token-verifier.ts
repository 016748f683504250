import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthenticatedUser, Role, ROLES } from './authenticated-user';

interface TokenClaims {
  sub?: unknown;
  email?: unknown;
  role?: unknown;
}

/** Checks a bearer token's signature, expiry and claims; null for anything short of valid. */
@Injectable()
export class TokenVerifier {
  constructor(private readonly jwt: JwtService) {}

  async verify(token: string): Promise<AuthenticatedUser | null> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return null;
    }
    const { sub, email, role } = claims;
    if (typeof sub !== 'string' || typeof email !== 'string' || !ROLES.includes(role as Role)) {
      return null;
    }
    return { id: sub, email, role: role as Role };
  }
}
