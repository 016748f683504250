import { z } from 'zod';

/** One HMAC key a token may name in its `kid` header. */
export interface SigningKey {
  readonly id: string;
  readonly secret: string;
}

/**
 * The keys of the API's tokens: one current key signs every new token; previous keys still verify
 * the tokens they signed until those expire. Rotating is: make a new key current, list the old one
 * as previous for one token lifetime, then drop it.
 */
export interface SigningKeys {
  readonly current: SigningKey;
  readonly previous: readonly SigningKey[];
}

export const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Reads `id:secret,id:secret` (the format of JWT_PREVIOUS_KEYS). Problems name the key id, never
 * the secret.
 */
export const previousKeys = (minSecretLength: number) =>
  z.string().transform((raw, ctx) =>
    raw.split(',').map((entry, index): SigningKey => {
      const separator = entry.indexOf(':');
      const id = separator > 0 ? entry.slice(0, separator).trim() : '';
      const secret = separator > 0 ? entry.slice(separator + 1).trim() : '';
      if (!KEY_ID.test(id)) {
        ctx.addIssue(
          `entry ${index + 1} must be "<key id>:<secret>" with a key id of [A-Za-z0-9._-]`,
        );
      } else if (secret.length < minSecretLength) {
        ctx.addIssue(`the secret of key ${id} must be at least ${minSecretLength} characters`);
      }
      return { id, secret };
    }),
  );
