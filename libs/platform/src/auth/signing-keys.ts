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
 * Parses `id:secret,id:secret` (the format of JWT_PREVIOUS_KEYS). Errors name the key id, never
 * the secret.
 */
export function parsePreviousKeys(raw: string, minSecretLength: number): SigningKey[] {
  return raw.split(',').map((entry, index) => {
    const separator = entry.indexOf(':');
    const id = separator > 0 ? entry.slice(0, separator).trim() : '';
    const secret = separator > 0 ? entry.slice(separator + 1).trim() : '';
    if (!KEY_ID.test(id)) {
      throw new Error(
        `entry ${index + 1} must be "<key id>:<secret>" with a key id of [A-Za-z0-9._-]`,
      );
    }
    if (secret.length < minSecretLength) {
      throw new Error(`the secret of key ${id} must be at least ${minSecretLength} characters`);
    }
    return { id, secret };
  });
}
