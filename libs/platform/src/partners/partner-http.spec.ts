import { createServer, Server } from 'node:http';
import {
  parseRetryAfter,
  PartnerAccessDeniedError,
  PartnerRejectedError,
  PartnerUnavailableError,
  postToPartner,
} from './partner-http';

/** A partner on loopback that answers every call with the next scripted reply. */
async function partnerAnswering(
  status: number,
  body: string,
  delayMs = 0,
  headers: Record<string, string> = {},
) {
  const seen: { key: string | undefined; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    let received = '';
    request.on('data', (chunk) => (received += chunk));
    request.on('end', () => {
      seen.push({ key: request.headers['idempotency-key'] as string | undefined, body: received });
      setTimeout(
        () =>
          response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body),
        delayMs,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/shipments`,
    seen,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const call = (url: string, timeoutMs = 1000) =>
  postToPartner<{ trackingNumber: string }>({
    partner: 'pharmacy',
    url,
    body: { orderUuid: 'o-1' },
    idempotencyKey: 'o-1',
    timeoutMs,
    requires: 'trackingNumber',
  });

describe('Calling a partner', () => {
  it('returns the answer of a 2xx, having sent the idempotency key and the JSON body', async () => {
    const partner = await partnerAnswering(201, '{"trackingNumber":"TRK-1"}');
    await expect(call(partner.url)).resolves.toEqual({ trackingNumber: 'TRK-1' });
    expect(partner.seen).toEqual([{ key: 'o-1', body: '{"orderUuid":"o-1"}' }]);
    partner.close();
  });

  it.each([
    [422, PartnerRejectedError],
    [400, PartnerRejectedError],
    [404, PartnerRejectedError],
    [503, PartnerUnavailableError],
    [500, PartnerUnavailableError],
    [408, PartnerUnavailableError],
    [409, PartnerUnavailableError],
    [429, PartnerUnavailableError],
    [401, PartnerAccessDeniedError],
    [403, PartnerAccessDeniedError],
  ])('sorts a %i into %p', async (status, kind) => {
    const partner = await partnerAnswering(status, '{"title":"no"}');
    const error = await call(partner.url).catch((caught: unknown) => caught);
    expect((error as Error).constructor).toBe(kind);
    partner.close();
  });

  it("carries the partner's Retry-After with a transient answer", async () => {
    const partner = await partnerAnswering(429, '{}', 0, { 'retry-after': '7' });
    await expect(call(partner.url)).rejects.toMatchObject({ retryAfterMs: 7000 });
    partner.close();
  });

  it('reads Retry-After as seconds or as an HTTP date, and ignores what it cannot read', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('treats a 2xx without the promised field as a failure to retry', async () => {
    const partner = await partnerAnswering(201, '{}');
    await expect(call(partner.url)).rejects.toThrow('answered 2xx without trackingNumber');
    partner.close();
  });

  it('gives up on a partner that does not answer in time, as retryable', async () => {
    const partner = await partnerAnswering(201, '{"trackingNumber":"TRK-1"}', 500);
    await expect(call(partner.url, 50)).rejects.toThrow('pharmacy is unavailable: timed out');
    partner.close();
  });
});
