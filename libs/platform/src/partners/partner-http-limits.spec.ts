import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { MAX_PARTNER_RESPONSE_BYTES } from './capped-body';
import { PartnerUnavailableError, postToPartner } from './partner-http';

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void) {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? '');
    request.resume();
    request.on('end', () => handler(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const call = (url: string) =>
  postToPartner<{ trackingNumber: string }>({
    partner: 'pharmacy',
    url,
    body: { orderUuid: 'o-1', patient: 'Jane Doe' },
    idempotencyKey: 'o-1',
    timeoutMs: 2000,
    requires: 'trackingNumber',
  });

describe('What a partner answer may not do', () => {
  it('does not follow a redirect to another host: the call fails as unavailable', async () => {
    const elsewhere = await serve((_, response) =>
      response.writeHead(201).end('{"trackingNumber":"stolen"}'),
    );
    const partner = await serve((_, response) =>
      response.writeHead(307, { location: `${elsewhere.url}/collect` }).end(),
    );
    try {
      await expect(call(`${partner.url}/shipments`)).rejects.toThrow(PartnerUnavailableError);
      await expect(call(`${partner.url}/shipments`)).rejects.toThrow(/answered 307/);
      expect(elsewhere.hits).toEqual([]);
    } finally {
      partner.close();
      elsewhere.close();
    }
  });

  it('stops reading an answer larger than the cap', async () => {
    const partner = await serve((_, response) => {
      response.writeHead(201, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(16 * 1024);
      for (let i = 0; i < 64; i += 1) response.write(chunk); // 1 MiB
      response.end();
    });
    try {
      await expect(call(`${partner.url}/shipments`)).rejects.toThrow(
        `answered more than ${MAX_PARTNER_RESPONSE_BYTES} bytes`,
      );
    } finally {
      partner.close();
    }
  });

  it('still reads an answer under the cap (the control)', async () => {
    const partner = await serve((_, response) =>
      response
        .writeHead(201)
        .end(JSON.stringify({ trackingNumber: 'T-1', note: 'y'.repeat(1000) })),
    );
    try {
      await expect(call(`${partner.url}/shipments`)).resolves.toMatchObject({
        trackingNumber: 'T-1',
      });
    } finally {
      partner.close();
    }
  });
});
