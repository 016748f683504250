import { createServer, Server } from 'node:http';
import { PartnerRejectedError, PartnerUnavailableError, postToPartner } from './partner-http';

/** A partner on loopback that answers every call with the next scripted reply. */
async function partnerAnswering(status: number, body: string, delayMs = 0) {
  const seen: { key: string | undefined; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    let received = '';
    request.on('data', (chunk) => (received += chunk));
    request.on('end', () => {
      seen.push({ key: request.headers['idempotency-key'] as string | undefined, body: received });
      setTimeout(
        () => response.writeHead(status, { 'content-type': 'application/json' }).end(body),
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
    [503, PartnerUnavailableError],
    [500, PartnerUnavailableError],
    [429, PartnerUnavailableError],
  ])('sorts a %i into %p', async (status, kind) => {
    const partner = await partnerAnswering(status, '{"title":"no"}');
    await expect(call(partner.url)).rejects.toBeInstanceOf(kind);
    partner.close();
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
