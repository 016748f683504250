export interface StoredResponse {
  readonly fingerprint: string;
  readonly status: number;
  readonly body: unknown;
}

/** The first successful response per idempotency key, replayed for retries (as Stripe does). */
export class IdempotencyStore {
  private readonly responses = new Map<string, StoredResponse>();

  get(key: string): StoredResponse | undefined {
    return this.responses.get(key);
  }

  save(key: string, response: StoredResponse): void {
    this.responses.set(key, response);
  }

  clear(): void {
    this.responses.clear();
  }
}

/** Equal JSON values share a fingerprint whatever their key order or whitespace. */
export function fingerprint(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const sorted = Object.keys(value).sort();
  return Object.fromEntries(
    sorted.map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}
