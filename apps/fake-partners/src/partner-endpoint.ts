import type { Faults } from './faults';
import { jsonReply, PROBLEM_KINDS, problemReply, type Reply } from './http';
import { isObject, type PartnerSpec } from './partners';

/** `hang`: leave the request unanswered. */
export type Outcome = Reply | 'hang';

export interface EndpointStats {
  readonly requests: number;
  /** Distinct effects (first successes), so a test can assert exactly one per key. */
  readonly created: number;
  readonly replayed: number;
  /** Answered by an injected failure (failRate, failFirst). */
  readonly failed: number;
  /** Answered 422 "rejected by partner" by an injected fault. */
  readonly rejected: number;
  /** Held open by an injected fault. */
  readonly hung: number;
  /** Answered 400, or 422 for a key reused with a different body: client mistakes. */
  readonly invalid: number;
  /** Per idempotency key: its attempts, and 0 or 1 created (replays never create a second). */
  readonly byKey: Readonly<Record<string, { attempts: number; created: number }>>;
}

type Counter = Exclude<keyof EndpointStats, 'byKey'>;
const COUNTERS: Counter[] = [
  'requests',
  'created',
  'replayed',
  'failed',
  'rejected',
  'hung',
  'invalid',
];
const MAX_KEY_LENGTH = 255;

/** One partner endpoint: injected faults, validation, then Stripe-style idempotency. */
export class PartnerEndpoint {
  private counts = new Map<Counter, number>();
  // Maps, not objects, so a key such as "__proto__" is just another key.
  private byKey = new Map<string, { attempts: number; created: number }>();
  /** The first successful answer per key, with the body it answered, replayed for retries. */
  private answers = new Map<string, { fingerprint: string; body: unknown }>();

  constructor(readonly spec: PartnerSpec) {}

  /**
   * Synchronous on purpose: with no await between the idempotency lookup and the save, two
   * concurrent retries of one key cannot both create an effect.
   */
  handle(key: string | undefined, rawBody: string, faults: Faults): Outcome {
    this.count('requests');
    let attempts = 0;
    if (key !== undefined) {
      const entry = this.byKey.get(key) ?? { attempts: 0, created: 0 };
      attempts = ++entry.attempts;
      this.byKey.set(key, entry);
    }

    // Faults come before the idempotency lookup so that a retry can be failed too.
    if (Math.random() < faults.hangRate) {
      this.count('hung');
      return 'hang';
    }
    if (Math.random() < faults.failRate) return this.fail('injected fault: failRate', faults);
    if (key === undefined) return this.invalid('the Idempotency-Key header is required');
    if (key.length > MAX_KEY_LENGTH) {
      return this.invalid(
        `the Idempotency-Key header must be at most ${MAX_KEY_LENGTH} characters`,
      );
    }
    if (attempts <= faults.failFirst) {
      return this.fail(
        `injected fault: attempt ${attempts} of the first ${faults.failFirst}`,
        faults,
      );
    }

    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return this.invalid('the body is not valid JSON');
    }
    if (!isObject(body)) return this.invalid('the body must be a JSON object');
    const problems = this.spec.validate(body);
    if (problems.length > 0) return this.invalid(problems.join('; '));

    if (Math.random() < faults.rejectRate) {
      this.count('rejected');
      return problemReply(422, `injected fault: the partner rejected ${key}`, {
        kind: PROBLEM_KINDS.rejected,
      });
    }

    const print = fingerprint(body);
    const stored = this.answers.get(key);
    if (stored && stored.fingerprint !== print) {
      this.count('invalid');
      return problemReply(422, `Idempotency-Key ${key} was already used with a different body`, {
        kind: PROBLEM_KINDS.keyReused,
      });
    }
    if (stored) {
      this.count('replayed');
      return jsonReply(201, stored.body, 'replayed', { 'idempotent-replayed': 'true' });
    }
    const created = this.spec.create();
    this.answers.set(key, { fingerprint: print, body: created });
    this.count('created');
    this.byKey.get(key)!.created = 1;
    return jsonReply(201, created, 'created');
  }

  /** A copy, so callers can keep it as a before-picture while the server carries on. */
  stats(): EndpointStats {
    const counts = Object.fromEntries(COUNTERS.map((name) => [name, this.counts.get(name) ?? 0]));
    const byKey = Object.fromEntries([...this.byKey].map(([key, entry]) => [key, { ...entry }]));
    return { ...(counts as Record<Counter, number>), byKey };
  }

  reset(): void {
    this.counts.clear();
    this.byKey.clear();
    this.answers.clear();
  }

  private count(counter: Counter): void {
    this.counts.set(counter, (this.counts.get(counter) ?? 0) + 1);
  }

  private fail(detail: string, { failStatus, retryAfterSeconds }: Faults): Reply {
    this.count('failed');
    const headers: Record<string, string> =
      retryAfterSeconds > 0 ? { 'retry-after': String(retryAfterSeconds) } : {};
    return problemReply(failStatus, detail, { headers });
  }

  private invalid(detail: string): Reply {
    this.count('invalid');
    return problemReply(400, detail, { kind: PROBLEM_KINDS.invalidRequest });
  }
}

/** Equal JSON values share a fingerprint whatever their key order or whitespace. */
function fingerprint(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : isObject(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical(v[k])]),
          )
        : v;
  return JSON.stringify(canonical(value));
}
