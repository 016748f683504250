import { readCappedText } from './capped-body';

/** The partner refused the request itself (400, 422, or another 4xx): resending it cannot succeed. */
export class PartnerRejectedError extends Error {
  constructor(
    readonly partner: string,
    readonly status: number,
    detail: string,
  ) {
    super(`${partner} rejected the request with ${status}: ${detail}`);
  }
}

/**
 * The partner failed, did not answer in time, or asked us to come back later (5xx, 408, 409,
 * 429): a retry may succeed. `retryAfterMs` is the partner's own `Retry-After`, when it sent one.
 */
export class PartnerUnavailableError extends Error {
  constructor(
    readonly partner: string,
    reason: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(`${partner} is unavailable: ${reason}`);
  }
}

/**
 * The partner refused our credentials (401, 403). Nothing about the request is wrong, and no
 * patient can fix it: an operator must. Retried slowly until they do, and logged as an alarm.
 */
export class PartnerAccessDeniedError extends PartnerUnavailableError {
  constructor(partner: string, status: number, retryAfterMs: number | null) {
    super(partner, `refused our credentials with ${status}`, retryAfterMs);
  }
}

export interface PartnerRequest {
  readonly partner: string;
  readonly url: string;
  readonly body: unknown;
  /** Sent on every attempt, so the partner applies the effect once however often we retry. */
  readonly idempotencyKey: string;
  readonly timeoutMs: number;
  /** The field a success must carry (a string), such as `trackingNumber`. */
  readonly requires: string;
}

/**
 * 409 is transient: a Stripe-style partner answers it while an earlier request with the same
 * Idempotency-Key is still running, which is exactly what a retry after a timeout meets.
 */
const TRANSIENT_4XX = new Set([408, 409, 425, 429]);
const ACCESS_DENIED = new Set([401, 403]);

/** POSTs JSON to an external partner and sorts its failures into retryable, alarming or final. */
export async function postToPartner<T>(request: PartnerRequest): Promise<T> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': request.idempotencyKey },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
      // Never followed: a redirect could carry the prescription to a host nobody configured.
      redirect: 'manual',
    });
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message;
    throw new PartnerUnavailableError(request.partner, reason);
  }
  let text: string;
  try {
    text = await readCappedText(response);
  } catch (error) {
    throw new PartnerUnavailableError(request.partner, (error as Error).message);
  }
  if (response.ok) return successBody<T>(request, text);
  const { status } = response;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  if (ACCESS_DENIED.has(status)) {
    throw new PartnerAccessDeniedError(request.partner, status, retryAfterMs);
  }
  if (status >= 400 && status < 500 && !TRANSIENT_4XX.has(status)) {
    throw new PartnerRejectedError(request.partner, status, text.slice(0, 500));
  }
  throw new PartnerUnavailableError(request.partner, `answered ${status}`, retryAfterMs);
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** A 2xx without the promised field is a broken answer, to be retried, not a success. */
function successBody<T>(request: PartnerRequest, text: string): T {
  let body: Record<string, unknown> | undefined;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  const value = body?.[request.requires];
  if (typeof value !== 'string' || value.length === 0) {
    throw new PartnerUnavailableError(request.partner, `answered 2xx without ${request.requires}`);
  }
  return body as T;
}
