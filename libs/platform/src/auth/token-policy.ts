export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

/** Clock difference tolerated between the issuer and this process, in seconds. */
export const CLOCK_SKEW_SECONDS = 30;
