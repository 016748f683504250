/**
 * Secrets printed in this repository or its docs: fine for a demo or a test run, never for
 * production, where anyone who read the code could sign tokens.
 */
const PUBLISHED_SECRETS = new Set([
  'demo-only-secret-change-me-0123456789abcdef',
  'test-secret-that-is-at-least-32-characters',
  'another-secret-that-is-also-32-characters-long',
]);

/** About 128 bits: what 22 random base64url characters carry. */
export const MIN_SECRET_BITS = 128;

/**
 * Why a signing secret is too weak for production, or undefined. Entropy is estimated from the
 * secret's own character frequencies (Shannon), which flags repetition and tiny alphabets; a
 * generated secret (32 random bytes, base64url) scores far above the bar.
 */
export function weakSecretReason(secret: string): string | undefined {
  if (PUBLISHED_SECRETS.has(secret) || /change-?me|secret|password/i.test(secret)) {
    return 'is a published or placeholder value; generate one (see .env.example)';
  }
  if (estimatedBits(secret) < MIN_SECRET_BITS) {
    return `has too little entropy (under ${MIN_SECRET_BITS} bits); generate one (see .env.example)`;
  }
  return undefined;
}

function estimatedBits(secret: string): number {
  const counts = new Map<string, number>();
  for (const character of secret) counts.set(character, (counts.get(character) ?? 0) + 1);
  const length = [...secret].length;
  let bitsPerCharacter = 0;
  for (const count of counts.values()) {
    const p = count / length;
    bitsPerCharacter -= p * Math.log2(p);
  }
  return bitsPerCharacter * length;
}
