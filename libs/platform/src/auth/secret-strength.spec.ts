import { randomBytes } from 'node:crypto';
import { weakSecretReason } from './secret-strength';

describe('A production signing secret', () => {
  it('passes when generated as .env.example says', () => {
    for (let i = 0; i < 50; i += 1) {
      expect(weakSecretReason(randomBytes(32).toString('base64url'))).toBeUndefined();
      expect(weakSecretReason(randomBytes(32).toString('hex'))).toBeUndefined();
    }
  });

  it.each([
    ['the compose demo default', 'demo-only-secret-change-me-0123456789abcdef'],
    ['the test secret', 'test-secret-that-is-at-least-32-characters'],
    ['a placeholder', 'please-change-me-please-change-me-please'],
  ])('is refused when it is %s', (_, secret) => {
    expect(weakSecretReason(secret)).toMatch(/published or placeholder/);
  });

  it.each([
    ['one repeated character', 'a'.repeat(64)],
    ['two alternating characters', 'ab'.repeat(32)],
    ['a short alphabet', '0123'.repeat(12)],
  ])('is refused when it is %s', (_, secret) => {
    expect(weakSecretReason(secret)).toMatch(/too little entropy/);
  });
});
