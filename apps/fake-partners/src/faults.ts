/** Misbehaviour injected into the partner endpoints, never into the control routes. */
export interface Faults {
  /** Fraction of calls answered 503. */
  readonly failRate: number;
  /** Fraction of calls never answered, until the client gives up or the server closes. */
  readonly hangRate: number;
  /** Delay before every partner call is answered. */
  readonly latencyMs: number;
  /** Fraction of valid calls answered 422: a definitive "no" that a client must not retry. */
  readonly rejectRate: number;
  /** The first N attempts for each idempotency key answer 503: proves retries without randomness. */
  readonly failFirst: number;
  /** Idempotency keys whose calls are always answered 422. */
  readonly rejectKeys: readonly string[];
  /**
   * The status of the failures injected by failRate and failFirst: 503 by default; 409 plays a
   * Stripe-style "a request with this key is still in progress", 401 or 403 refused credentials.
   */
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
  rejectKeys: Object.freeze([]),
  failStatus: 503,
  retryAfterSeconds: 0,
});

/** What a setting accepts; shared by the env reader and PUT /__faults so both say the same. */
export interface Rule {
  readonly expected: string;
  accepts(value: unknown): boolean;
}

export const rateRule: Rule = {
  expected: 'a number from 0 to 1',
  accepts: (value) => typeof value === 'number' && value >= 0 && value <= 1,
};

export function integerRule(min: number, max: number): Rule {
  return {
    expected: `an integer from ${min} to ${max}`,
    accepts: (value) =>
      Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
  };
}

const FAIL_STATUSES = [401, 403, 408, 409, 429, 500, 502, 503, 504];

export const FAULT_RULES: { readonly [K in keyof Faults]: Rule } = {
  failRate: rateRule,
  hangRate: rateRule,
  // Bounded so a typo cannot park requests for days (and setTimeout overflows past 2^31 ms).
  latencyMs: integerRule(0, 600_000),
  rejectRate: rateRule,
  failFirst: integerRule(0, 1_000_000),
  rejectKeys: {
    expected: 'an array of strings',
    accepts: (value) => Array.isArray(value) && value.every((key) => typeof key === 'string'),
  },
  failStatus: {
    expected: `one of ${FAIL_STATUSES.join(', ')}`,
    accepts: (value) => FAIL_STATUSES.includes(value as number),
  },
  retryAfterSeconds: integerRule(0, 3600),
};

export class InvalidFaultsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}

/**
 * Replaces rather than merges: a setting left out means "no fault", so a test states everything
 * it relies on. Unknown settings are refused so a misspelt one cannot silently do nothing.
 */
export function parseFaults(input: unknown): Faults {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidFaultsError(['faults must be a JSON object']);
  }
  const fields = input as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of Object.keys(fields)) {
    if (!Object.hasOwn(FAULT_RULES, name)) {
      const known = Object.keys(FAULT_RULES).join(', ');
      problems.push(`${name}: is not a fault setting (known: ${known})`);
    }
  }
  for (const [name, rule] of Object.entries(FAULT_RULES)) {
    const value = fields[name];
    if (value !== undefined && !rule.accepts(value)) {
      problems.push(`${name}: must be ${rule.expected}, got ${JSON.stringify(value)}`);
    }
  }
  if (problems.length > 0) throw new InvalidFaultsError(problems);
  const given = fields as Partial<Faults>;
  return Object.freeze({
    failRate: given.failRate ?? 0,
    hangRate: given.hangRate ?? 0,
    latencyMs: given.latencyMs ?? 0,
    rejectRate: given.rejectRate ?? 0,
    failFirst: given.failFirst ?? 0,
    rejectKeys: Object.freeze([...(given.rejectKeys ?? [])]),
    failStatus: given.failStatus ?? 503,
    retryAfterSeconds: given.retryAfterSeconds ?? 0,
  });
}
