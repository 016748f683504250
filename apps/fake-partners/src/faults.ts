/** Misbehaviour injected into the partner endpoints, never into /health. */
export interface Faults {
  /** Fraction of calls answered with failStatus. */
  readonly failRate: number;
  /** Fraction of calls never answered, until the client gives up or the server closes. */
  readonly hangRate: number;
  /** Delay before every partner call is answered. */
  readonly latencyMs: number;
  /** Fraction of valid calls answered 422: a definitive "no" that a client must not retry. */
  readonly rejectRate: number;
  /** The first N attempts for each idempotency key fail: proves retries without randomness. */
  readonly failFirst: number;
  /** The status of injected failures: 503 by default; 409 plays Stripe's "key in progress". */
  readonly failStatus: number;
  /** Sent as `Retry-After` (seconds) with every injected failure; 0 sends none. */
  readonly retryAfterSeconds: number;
}

export const NO_FAULTS: Faults = Object.freeze({
  failRate: 0,
  hangRate: 0,
  latencyMs: 0,
  rejectRate: 0,
  failFirst: 0,
  failStatus: 503,
  retryAfterSeconds: 0,
});

/** What a setting accepts; shared by the env reader and setFaults so both say the same. */
export interface Rule {
  readonly expected: string;
  accepts(value: unknown): boolean;
}

const rate: Rule = {
  expected: 'a number from 0 to 1',
  accepts: (value) => typeof value === 'number' && value >= 0 && value <= 1,
};

export const integer = (min: number, max: number): Rule => ({
  expected: `an integer from ${min} to ${max}`,
  accepts: (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
});

const FAIL_STATUSES = [401, 403, 408, 409, 429, 500, 502, 503, 504];

export const FAULT_RULES: { readonly [K in keyof Faults]: Rule } = {
  failRate: rate,
  hangRate: rate,
  // Bounded so a typo cannot park requests for days (and setTimeout overflows past 2^31 ms).
  latencyMs: integer(0, 600_000),
  rejectRate: rate,
  failFirst: integer(0, 1_000_000),
  failStatus: {
    expected: `one of ${FAIL_STATUSES.join(', ')}`,
    accepts: (value) => FAIL_STATUSES.includes(value as number),
  },
  retryAfterSeconds: integer(0, 3600),
};

/**
 * Replaces rather than merges: a setting left out means "no fault", so a test states everything
 * it relies on. Unknown settings are refused so a misspelt one cannot silently do nothing.
 */
export function parseFaults(given: Partial<Faults>): Faults {
  const problems = Object.keys(given)
    .filter((name) => !Object.hasOwn(FAULT_RULES, name))
    .map(
      (name) => `${name}: is not a fault setting (known: ${Object.keys(FAULT_RULES).join(', ')})`,
    );
  for (const [name, rule] of Object.entries(FAULT_RULES)) {
    const value = given[name as keyof Faults];
    if (value !== undefined && !rule.accepts(value)) {
      problems.push(`${name}: must be ${rule.expected}, got ${JSON.stringify(value)}`);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  const set = Object.entries(given).filter(([, value]) => value !== undefined);
  return Object.freeze({ ...NO_FAULTS, ...Object.fromEntries(set) });
}
