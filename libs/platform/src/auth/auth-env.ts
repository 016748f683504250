import { z } from 'zod';
import { env, refuse } from '../config/env';
import { weakSecretReason } from './secret-strength';
import { KEY_ID, previousKeys } from './signing-keys';
import type { AuthOptions } from './token-policy';

const MIN_SECRET = 32;

/**
 * The token variables of every process that verifies the API's tokens: the API, which issues
 * them, and the extracted notifications service, which must read them with the same key.
 */
export const authEnvShape = {
  JWT_SECRET: env.secret(MIN_SECRET),
  JWT_KEY_ID: env.matching(KEY_ID, 'must be 1 to 64 of [A-Za-z0-9._-]').default('k1'),
  // During a key rotation, the keys still verified (kid:secret,...).
  JWT_PREVIOUS_KEYS: previousKeys(MIN_SECRET).optional(),
  JWT_ISSUER: z.string().default('telehealth-pharmacy'),
  JWT_AUDIENCE: z.string().default('telehealth-pharmacy-api'),
  JWT_TTL_SECONDS: env.int(60, 24 * 3600).default(3600),
};

type AuthConfig = z.output<z.ZodObject<typeof authEnvShape>>;

/** Rules between the token variables: a rotation names new keys, and production strong ones. */
export function authRules(config: AuthConfig & { NODE_ENV: string }, ctx: z.RefinementCtx): void {
  const previous = config.JWT_PREVIOUS_KEYS ?? [];
  if (previous.some((key) => key.id === config.JWT_KEY_ID)) {
    refuse(ctx, 'JWT_PREVIOUS_KEYS', 'must not reuse the current JWT_KEY_ID');
  }
  if (config.NODE_ENV !== 'production') return;
  const weak = weakSecretReason(config.JWT_SECRET);
  if (weak) refuse(ctx, 'JWT_SECRET', weak);
  for (const key of previous) {
    const weakPrevious = weakSecretReason(key.secret);
    if (weakPrevious)
      refuse(ctx, 'JWT_PREVIOUS_KEYS', `the secret of key ${key.id} ${weakPrevious}`);
  }
}

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
