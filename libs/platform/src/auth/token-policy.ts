import type { SigningKeys } from './signing-keys';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

/** Clock difference tolerated between the issuer and this process, in seconds. */
export const CLOCK_SKEW_SECONDS = 30;

export interface AuthOptions {
  readonly keys: SigningKeys;
  /** The `iss` every token carries and must carry. */
  readonly issuer: string;
  /** The `aud` every token carries and must carry. */
  readonly audience: string;
  /** Token lifetime in seconds; also the longest lifetime a presented token may claim. */
  readonly tokenTtlSeconds: number;
}
