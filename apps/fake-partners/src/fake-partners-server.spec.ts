import {
  createFakePartnersServer,
  type FakePartnersServer,
  type RequestLogEntry,
} from './fake-partners-server';

interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
}

async function detailOf(response: Response): Promise<string> {
  return ((await response.json()) as ProblemBody).detail;
}

const prescription = {
  prescriptionId: 'rx-1',
  patientId: 'patient-1',
  productId: 'product-1',
  sig: 'one tablet daily',
  refills: 2,
};

const shipment = {
  orderUuid: 'order-1',
  fulfillmentState: 'READY',
  items: [{ orderItemUuid: 'item-1', productId: 'product-1', quantity: 1 }],
};

describe('fake partners server', () => {
  let partners: FakePartnersServer;
  let baseUrl: string;
  let logged: RequestLogEntry[];
  let onLog: (entry: RequestLogEntry) => void;

  beforeEach(async () => {
    logged = [];
    onLog = () => undefined;
    partners = createFakePartnersServer({
      onRequest: (entry) => {
        logged.push(entry);
        onLog(entry);
      },
    });
    baseUrl = `http://127.0.0.1:${await partners.listen(0, '127.0.0.1')}`;
  });

  afterEach(() => partners.close());

  function post(path: string, body: unknown, key?: string, signal?: AbortSignal) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key !== undefined) headers['idempotency-key'] = key;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: text, signal });
  }

  it('creates a prescription once and replays the same answer for a retry', async () => {
    const first = await post('/prescriptions', prescription, 'rx-1');
    const firstBody = await first.json();
    // Key order differs: the same JSON value is the same request.
    const retry = await post(
      '/prescriptions',
      { ...prescription, refills: 2, sig: prescription.sig },
      'rx-1',
    );

    expect(first.status).toBe(201);
    expect(firstBody).toEqual({ erxReference: expect.stringMatching(/^ERX-[0-9A-F]{10}$/) });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(firstBody);
    expect(partners.stats().prescriptions).toMatchObject({
      requests: 2,
      created: 1,
      replayed: 1,
      byKey: { 'rx-1': { attempts: 2, created: 1 } },
    });
  });

  it('creates a shipment once per order and a new one for another order', async () => {
    const first = await (await post('/shipments', shipment, 'order-1')).json();
    const retry = await (await post('/shipments', shipment, 'order-1')).json();
    const other = await post('/shipments', { ...shipment, orderUuid: 'order-2' }, 'order-2');

    expect(first).toEqual({ trackingNumber: expect.stringMatching(/^TRK-[0-9A-F]{10}$/) });
    expect(retry).toEqual(first);
    expect(other.status).toBe(201);
    expect(await other.json()).not.toEqual(first);
    expect(partners.stats().shipments).toMatchObject({ requests: 3, created: 2, replayed: 1 });
  });

  it('keeps idempotency keys apart per endpoint', async () => {
    await post('/prescriptions', prescription, 'same-key');
    const shipped = await post('/shipments', shipment, 'same-key');

    expect(shipped.status).toBe(201);
    expect(partners.stats().shipments.created).toBe(1);
  });

  it('answers 422 when a key is reused with a different body, creating nothing more', async () => {
    await post('/prescriptions', prescription, 'rx-1');
    const reused = await post('/prescriptions', { ...prescription, refills: 3 }, 'rx-1');

    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toBe('application/problem+json');
    expect(await reused.json()).toMatchObject({
      status: 422,
      detail: expect.stringContaining('rx-1'),
    });
    expect(partners.stats().prescriptions.created).toBe(1);
  });

  it('fails the first N attempts of each key with 503, then succeeds', async () => {
    partners.setFaults({ failFirst: 2 });

    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      statuses.push((await post('/shipments', shipment, 'order-1')).status);
    }
    const otherKey = await post('/shipments', { ...shipment, orderUuid: 'order-2' }, 'order-2');

    expect(statuses).toEqual([503, 503, 201]);
    expect(otherKey.status).toBe(503);
    expect(partners.stats().shipments).toMatchObject({
      failed: 3,
      created: 1,
      byKey: { 'order-1': { attempts: 3, created: 1 }, 'order-2': { attempts: 1, created: 0 } },
    });
  });

  it('rejects valid calls on rejectRate 1 with 422, and fails any call on failRate 1', async () => {
    partners.setFaults({ rejectRate: 1 });
    const rejected = await post('/prescriptions', prescription, 'rx-bad');
    partners.setFaults({ failRate: 1 });
    const failed = await post('/prescriptions', '', undefined);

    expect(rejected.status).toBe(422);
    expect(await rejected.json()).toMatchObject({ title: 'Rejected by partner', status: 422 });
    expect(failed.status).toBe(503);
    expect(partners.stats().prescriptions).toMatchObject({ rejected: 1, failed: 1, created: 0 });
  });

  it('answers 400 without an Idempotency-Key header', async () => {
    const response = await post('/prescriptions', prescription);

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toEqual({
      type: expect.any(String),
      title: 'Invalid request',
      status: 400,
      detail: 'the Idempotency-Key header is required',
    });
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await post('/shipments', '{"orderUuid": ', 'order-1');

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ detail: 'the body is not valid JSON' });
    expect(partners.stats().shipments).toMatchObject({ invalid: 1, created: 0 });
  });

  it('answers 400 naming every invalid field', async () => {
    const badPrescription = await post(
      '/prescriptions',
      { ...prescription, sig: 3, refills: 12 },
      'rx-1',
    );
    const emptyItems = await post('/shipments', { ...shipment, items: [] }, 'order-1');
    const badItem = await post(
      '/shipments',
      { ...shipment, items: [{ quantity: 1.5 }] },
      'order-1',
    );
    const notAnObject = await post('/shipments', '[]', 'order-1');

    expect(badPrescription.status).toBe(400);
    expect(await detailOf(badPrescription)).toBe(
      'sig must be a non-empty string; refills must be an integer from 0 to 11',
    );
    expect(await detailOf(emptyItems)).toBe('items must be a non-empty array');
    expect(await detailOf(badItem)).toMatch(/items\[0\]\.orderItemUuid.*items\[0\]\.quantity/);
    expect(notAnObject.status).toBe(400);
  });

  it('answers 404 for an unknown route and 405 for a wrong method', async () => {
    const unknown = await fetch(`${baseUrl}/nope`);
    const wrongMethod = await fetch(`${baseUrl}/shipments`);

    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ type: 'about:blank', title: 'Not Found' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('reports health', async () => {
    const response = await fetch(`${baseUrl}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses invalid faults, naming every setting', () => {
    expect(() => partners.setFaults({ failRate: 2, latnecyMs: 5 } as never)).toThrow(
      'latnecyMs: is not a fault setting (known: failRate, hangRate, latencyMs, rejectRate, failFirst, failStatus, retryAfterSeconds); failRate: must be a number from 0 to 1, got 2',
    );
    expect(() => partners.setFaults({ hangRate: -1 })).toThrow(
      'hangRate: must be a number from 0 to 1, got -1',
    );
  });

  it('answers injected failures with the chosen status and Retry-After, then succeeds', async () => {
    partners.setFaults({ failFirst: 1, failStatus: 409, retryAfterSeconds: 2 });
    const busy = await post('/prescriptions', prescription, 'rx-409');
    expect(busy.status).toBe(409);
    expect(busy.headers.get('retry-after')).toBe('2');
    expect((await post('/prescriptions', prescription, 'rx-409')).status).toBe(201);
  });

  it('clears stats, stored responses and faults on reset', async () => {
    partners.setFaults({ failFirst: 1 });
    await post('/prescriptions', prescription, 'rx-1');
    const first = await (await post('/prescriptions', prescription, 'rx-1')).json();
    expect(partners.stats().prescriptions).toMatchObject({ requests: 2, failed: 1, created: 1 });

    partners.reset();
    const empty = {
      requests: 0,
      created: 0,
      replayed: 0,
      failed: 0,
      rejected: 0,
      hung: 0,
      invalid: 0,
      byKey: {},
    };
    expect(partners.stats()).toEqual({ prescriptions: empty, shipments: empty });

    // The stored answer and the fault are gone too, so the same key now creates a new effect.
    const again = await post('/prescriptions', prescription, 'rx-1');
    expect(again.status).toBe(201);
    expect(await again.json()).not.toEqual(first);
  });

  it('holds a request open on hangRate 1 until the client gives up, and still closes', async () => {
    partners.setFaults({ hangRate: 1 });
    const hanging = new Promise<void>((resolve) => {
      onLog = (entry) => entry.msg.startsWith('hanging') && resolve();
    });

    const call = post('/shipments', shipment, 'order-1', AbortSignal.timeout(200));

    await expect(call).rejects.toMatchObject({ name: 'TimeoutError' });
    await hanging;
    expect(partners.stats().shipments).toMatchObject({ hung: 1, created: 0 });
    await expect(partners.close()).resolves.toBeUndefined();
  });

  it('closes promptly with a hung request whose client is still waiting', async () => {
    partners.setFaults({ hangRate: 1 });
    const hanging = new Promise<void>((resolve) => {
      onLog = (entry) => entry.msg.startsWith('hanging') && resolve();
    });

    const call = post('/shipments', shipment, 'order-1');
    await hanging;
    await partners.close();

    await expect(call).rejects.toThrow();
  });

  it('delays partner answers by latencyMs, and close() does not wait out the delay', async () => {
    partners.setFaults({ latencyMs: 50 });
    const started = performance.now();
    const response = await post('/prescriptions', prescription, 'rx-1');
    expect(response.status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);

    partners.setFaults({ latencyMs: 600_000 });
    const arrived = new Promise<void>((resolve) => {
      partners.server.once('request', () => resolve());
    });
    const delayed = post('/prescriptions', prescription, 'rx-2');
    await arrived;
    await partners.close();
    await expect(delayed).rejects.toThrow();
  });

  it('logs one entry per request with the key and status', async () => {
    await post('/prescriptions', prescription, 'rx-1');

    expect(logged).toEqual([
      {
        method: 'POST',
        path: '/prescriptions',
        idempotencyKey: 'rx-1',
        status: 201,
        msg: 'created',
        durationMs: expect.any(Number),
      },
    ]);
  });
});
