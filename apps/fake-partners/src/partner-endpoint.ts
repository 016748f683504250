import { isJsonObject } from './body-checks';
import type { Faults } from './faults';
import { jsonReply, type Reply } from './http-io';
import { fingerprint, IdempotencyStore } from './idempotency-store';
import type { PartnerSpec } from './partner-spec';
import { PartnerStats } from './partner-stats';
import { PROBLEM_KINDS, problemReply } from './problem';

/** `hang`: leave the request unanswered. */
export type Outcome = Reply | 'hang';

export interface PartnerRequest {
  readonly idempotencyKey: string | undefined;
  readonly rawBody: string;
}

const MAX_KEY_LENGTH = 255;

/** One partner endpoint: injected faults, validation, then Stripe-style idempotency. */
export class PartnerEndpoint {
  readonly stats = new PartnerStats();
  private readonly store = new IdempotencyStore();

  constructor(readonly spec: PartnerSpec) {}

  reset(): void {
    this.stats.reset();
    this.store.clear();
  }

  /**
   * Synchronous on purpose: with no await between the idempotency lookup and the save, two
   * concurrent retries of one key cannot both create an effect.
   */
  handle(request: PartnerRequest, faults: Faults, random: () => number): Outcome {
    const key = request.idempotencyKey;
    const attempts = this.stats.attempt(key);

    // Faults come before the idempotency lookup so that a retry can be failed too.
    if (random() < faults.hangRate) {
      this.stats.count('hung');
      return 'hang';
    }
    if (random() < faults.failRate) return this.fail('injected fault: failRate', faults);
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

    const body = parseJson(request.rawBody);
    if (body === undefined) return this.invalid('the body is not valid JSON');
    if (!isJsonObject(body)) return this.invalid('the body must be a JSON object');
    const problems = this.spec.validate(body);
    if (problems.length > 0) return this.invalid(problems.join('; '));

    if (faults.rejectKeys.includes(key) || random() < faults.rejectRate) {
      this.stats.count('rejected');
      return problemReply(422, `injected fault: the partner rejected ${key}`, {
        kind: PROBLEM_KINDS.rejected,
      });
    }

    const print = fingerprint(body);
    const stored = this.store.get(key);
    if (stored && stored.fingerprint !== print) {
      this.stats.count('invalid');
      return problemReply(422, `Idempotency-Key ${key} was already used with a different body`, {
        kind: PROBLEM_KINDS.keyReused,
      });
    }
    if (stored) {
      this.stats.count('replayed');
      return jsonReply(stored.status, stored.body, 'replayed', { 'idempotent-replayed': 'true' });
    }

    const created = this.spec.create();
    this.store.save(key, { fingerprint: print, status: 201, body: created });
    this.stats.created(key);
    return jsonReply(201, created, 'created');
  }

  private fail(detail: string, { failStatus, retryAfterSeconds }: Faults): Reply {
    this.stats.count('failed');
    const headers: Record<string, string> =
      retryAfterSeconds > 0 ? { 'retry-after': String(retryAfterSeconds) } : {};
    return problemReply(failStatus, detail, { headers });
  }

  private invalid(detail: string): Reply {
    this.stats.count('invalid');
    return problemReply(400, detail, { kind: PROBLEM_KINDS.invalidRequest });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
