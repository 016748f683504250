export interface KeyStats {
  readonly attempts: number;
  /** 0 or 1: replays never create a second effect. */
  readonly created: number;
}

export interface EndpointStats {
  readonly requests: number;
  /** Distinct effects (first successes), so a test can assert exactly one per key. */
  readonly created: number;
  readonly replayed: number;
  /** Answered 503 by an injected fault. */
  readonly failed: number;
  /** Answered 422 "rejected by partner" by an injected fault. */
  readonly rejected: number;
  /** Held open by an injected fault. */
  readonly hung: number;
  /** Answered 400, or 422 for a key reused with a different body: client mistakes. */
  readonly invalid: number;
  readonly byKey: Readonly<Record<string, KeyStats>>;
}

export interface FakePartnersStats {
  readonly prescriptions: EndpointStats;
  readonly shipments: EndpointStats;
}

export type Counter = 'replayed' | 'failed' | 'rejected' | 'hung' | 'invalid';

type Totals = { -readonly [K in Exclude<keyof EndpointStats, 'byKey'>]: number };

export class PartnerStats {
  private totals = emptyTotals();
  // A Map, not an object, so a key such as "__proto__" is just another key.
  private byKey = new Map<string, { attempts: number; created: number }>();

  /** Counts one request; returns how many attempts its key has now had (0 without a key). */
  attempt(key: string | undefined): number {
    this.totals.requests += 1;
    if (key === undefined) return 0;
    const entry = this.byKey.get(key) ?? { attempts: 0, created: 0 };
    entry.attempts += 1;
    this.byKey.set(key, entry);
    return entry.attempts;
  }

  count(counter: Counter): void {
    this.totals[counter] += 1;
  }

  created(key: string): void {
    this.totals.created += 1;
    const entry = this.byKey.get(key);
    if (entry) entry.created += 1;
  }

  /** A copy, so callers can keep it as a before-picture while the server carries on. */
  snapshot(): EndpointStats {
    const byKey = Object.fromEntries([...this.byKey].map(([key, entry]) => [key, { ...entry }]));
    return { ...this.totals, byKey };
  }

  reset(): void {
    this.totals = emptyTotals();
    this.byKey.clear();
  }
}

function emptyTotals(): Totals {
  return { requests: 0, created: 0, replayed: 0, failed: 0, rejected: 0, hung: 0, invalid: 0 };
}
