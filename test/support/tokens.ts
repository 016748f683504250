import { JwtService } from '@nestjs/jwt';
import { DEMO_USERS } from '@pharmacy/identity';

/** What startStack and the child apps are configured with. */
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters';
export const TEST_JWT_KEY_ID = 'k1';
export const TEST_JWT_ISSUER = 'telehealth-pharmacy';
export const TEST_JWT_AUDIENCE = 'telehealth-pharmacy-api';

const signer = new JwtService({ secret: TEST_JWT_SECRET });

/**
 * A token the API accepts for a seeded user, signed here as the API would sign it; `claims` and
 * `options` override parts of it (to forge bad ones).
 */
export function signTestToken(
  user: keyof typeof DEMO_USERS,
  claims: Record<string, unknown> = {},
  options: Parameters<JwtService['sign']>[1] = {},
): string {
  const { id, email, role } = DEMO_USERS[user];
  const merged = {
    algorithm: 'HS256' as const,
    keyid: TEST_JWT_KEY_ID,
    issuer: TEST_JWT_ISSUER,
    audience: TEST_JWT_AUDIENCE,
    expiresIn: 600,
    ...options,
  };
  // An option given as undefined leaves its claim or header out altogether.
  const present = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
  return signer.sign({ sub: id, email, role, ...claims }, present);
}
