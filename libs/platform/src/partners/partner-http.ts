import { readCappedText } from './capped-body';

/** The partner refused the request (a 4xx): sending it again cannot succeed. */
export class PartnerRejectedError extends Error {
  constructor(
    readonly partner: string,
    readonly status: number,
    detail: string,
  ) {
    super(`${partner} rejected the request with ${status}: ${detail}`);
  }
}

/** The partner failed or did not answer in time: a retry may succeed. */
export class PartnerUnavailableError extends Error {
  constructor(
    readonly partner: string,
    reason: string,
  ) {
    super(`${partner} is unavailable: ${reason}`);
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

/** POSTs JSON to an external partner and sorts its failures into retryable or not. */
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
  if (
    response.status >= 400 &&
    response.status < 500 &&
    response.status !== 408 &&
    response.status !== 429
  ) {
    throw new PartnerRejectedError(request.partner, response.status, text.slice(0, 500));
  }
  throw new PartnerUnavailableError(request.partner, `answered ${response.status}`);
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
