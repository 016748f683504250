import { env } from '../config/env';
import { parsePreviousKeys } from './signing-keys';
import type { AuthOptions } from './token-policy';

const MIN_SECRET = 32;

/**
 * The token variables of every process that verifies the API's tokens: the API, which issues
 * them, and the extracted notifications service, which must read them with the same key.
 */
export const authEnvSchema = {
  JWT_SECRET: env.secret(MIN_SECRET),
  JWT_KEY_ID: env.string('k1'),
  // During a key rotation, the keys still verified (kid:secret,...).
  JWT_PREVIOUS_KEYS: env.optional((raw) => parsePreviousKeys(raw, MIN_SECRET)),
  JWT_ISSUER: env.string('telehealth-pharmacy'),
  JWT_AUDIENCE: env.string('telehealth-pharmacy-api'),
  JWT_TTL_SECONDS: env.int(3600, { min: 60, max: 24 * 3600 }),
};

type AuthConfig = { [K in keyof typeof authEnvSchema]: ReturnType<(typeof authEnvSchema)[K]> };

/** The auth module's options from the validated environment. */
export function authOptionsFrom(config: AuthConfig): AuthOptions {
  return {
    keys: {
      current: { id: config.JWT_KEY_ID, secret: config.JWT_SECRET },
      previous: config.JWT_PREVIOUS_KEYS ?? [],
    },
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    tokenTtlSeconds: config.JWT_TTL_SECONDS,
  };
}
