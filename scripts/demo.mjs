#!/usr/bin/env node
// The whole flow against a running stack, step by step:
//
//   BASE_URL=http://localhost:3000 node scripts/demo.mjs
//
// A patient orders two prescription products and one over the counter (shipping to CA), a
// provider licensed in CA approves both requests, the worker ships the order and transmits the
// prescriptions. The stack needs DEMO_MODE=true and a seeded database (npm run db:seed).
// Plain Node 24 (built-in fetch), no dependencies. Exits 1 on any failure or timeout.
//
// Settings: BASE_URL (default http://localhost:3000), DEMO_TIMEOUT_MS (how long to wait for each
// asynchronous step, default 30000), DEMO_POLL_MS (default 250).

/* global fetch, AbortSignal */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const BASE_URL = (process.env.BASE_URL || 'http://localhost:3000').replace(/\/+$/, '');
const WAIT_TIMEOUT_MS = positiveInt('DEMO_TIMEOUT_MS', 30_000);
const POLL_MS = positiveInt('DEMO_POLL_MS', 250);
const REQUEST_TIMEOUT_MS = 10_000;

const PATIENT = 'patient1@example.com';
const PROVIDER = 'provider.ca@example.com';
const STATE = 'CA';

const started = performance.now();

class DemoError extends Error {}

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`demo: ${name} must be a positive integer, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const seconds = (ms) => `${(ms / 1000).toFixed(3)}s`;
const clock = () => `[${seconds(performance.now() - started).padStart(8)}]`;

function say(text) {
  console.log(`${clock()} ${text}`);
}

/** Runs one step: prints what it does, then its outcome and how long it took. */
async function step(title, run) {
  say(`→ ${title}`);
  const t0 = performance.now();
  const outcome = await run();
  const took = Math.round(performance.now() - t0);
  for (const line of [].concat(outcome ?? [])) say(`    ${line}`);
  say(`  ✓ ${title} (${took} ms)`);
  return outcome;
}

/** One API call; any answer but the expected status is a failure that says what came back. */
async function api(method, path, { token, body, headers = {}, expect = [200] } = {}) {
  const url = `${BASE_URL}/api${path}`;
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = error?.cause?.code ?? error?.cause?.message ?? error?.name ?? String(error);
    if (error?.name === 'TimeoutError') {
      throw new DemoError(`${method} ${url} did not answer within ${REQUEST_TIMEOUT_MS} ms`);
    }
    throw new DemoError(
      `cannot reach ${url} (${cause}); is the stack running? Set BASE_URL if it is not at ${BASE_URL}`,
    );
  }
  const text = await response.text();
  let data;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  if (!expect.includes(response.status)) {
    throw new DemoError(
      `${method} ${path} answered ${response.status}, expected ${expect.join(' or ')}: ${describeProblem(data)}` +
        (response.headers.get('x-request-id')
          ? ` (X-Request-Id ${response.headers.get('x-request-id')})`
          : ''),
    );
  }
  return { status: response.status, data, requestId: response.headers.get('x-request-id') };
}

function describeProblem(data) {
  if (data && typeof data === 'object' && 'title' in data) {
    const fields = Array.isArray(data.errors)
      ? ` [${data.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}]`
      : '';
    return `${data.title}: ${data.detail}${fields}`;
  }
  return typeof data === 'string' ? data.slice(0, 300) : JSON.stringify(data);
}

/** Polls check() until it returns a value; it may throw to stop at a state that cannot change. */
async function waitFor(what, check) {
  const deadline = performance.now() + WAIT_TIMEOUT_MS;
  for (let tries = 1; ; tries += 1) {
    const { value, seen } = await check();
    if (value !== undefined) return { value, tries };
    if (performance.now() >= deadline) {
      throw new DemoError(
        `timed out after ${WAIT_TIMEOUT_MS} ms (${tries} tries) waiting for ${what}; last seen: ${seen}`,
      );
    }
    await sleep(POLL_MS);
  }
}

async function login(email) {
  const { status, data } = await api('POST', '/auth/dev-login', {
    body: { email },
    expect: [200, 404, 401],
  });
  if (status === 404) {
    throw new DemoError('dev login is off: start the API with DEMO_MODE=true');
  }
  if (status === 401) {
    throw new DemoError(`no seeded user ${email}: run npm run db:seed`);
  }
  return data.accessToken;
}

async function main() {
  console.log(`Telehealth pharmacy demo against ${BASE_URL}`);

  await step('Check the API is ready', async () => {
    const { data } = await api('GET', '/health/ready');
    return `PostgreSQL ${data.info?.postgres?.status}, Redis ${data.info?.redis?.status}`;
  });

  const tokens = {};
  await step(`Log in as ${PATIENT} and ${PROVIDER}`, async () => {
    tokens.patient = await login(PATIENT);
    tokens.provider = await login(PROVIDER);
    return 'two bearer tokens issued';
  });

  let products;
  await step('List the catalog', async () => {
    const { data } = await api('GET', '/products');
    const rx = data.filter((p) => p.requiresPrescription);
    const otc = data.filter((p) => !p.requiresPrescription);
    if (rx.length < 2 || otc.length < 1) {
      throw new DemoError(
        `the catalog needs 2 prescription and 1 OTC products, has ${rx.length} and ${otc.length}: run npm run db:seed`,
      );
    }
    products = { rx, otc };
    return data.map(
      (p) =>
        `${p.id.padEnd(20)} ${(p.priceCents / 100).toFixed(2).padStart(7)} USD  ${p.requiresPrescription ? 'prescription' : 'over the counter'}`,
    );
  });

  const lines = [
    { productId: products.rx[0].id, quantity: 1 },
    { productId: products.rx[1].id, quantity: 2 },
    { productId: products.otc[0].id, quantity: 1 },
  ];
  let order;
  let placementRequestId;
  await step(
    `Place an order for ${lines.map((l) => `${l.quantity} × ${l.productId}`).join(', ')}, shipping to ${STATE}`,
    async () => {
      const idempotencyKey = randomUUID();
      const placed = await api('POST', '/orders', {
        token: tokens.patient,
        body: { items: lines, fulfillmentState: STATE },
        headers: { 'Idempotency-Key': idempotencyKey },
        expect: [201],
      });
      order = placed.data;
      placementRequestId = placed.requestId;
      if (order.status !== 'pending_clinical_review') {
        throw new DemoError(`the new order is ${order.status}, expected pending_clinical_review`);
      }
      return [
        `order ${order.uuid}: ${order.status}`,
        ...order.items.map((i) => `  item ${i.productId}: ${i.status}`),
        `Idempotency-Key ${idempotencyKey}`,
        `X-Request-Id ${placementRequestId}  (grep the logs for it)`,
      ];
    },
  );

  const rxItems = order.items.filter((i) => i.requiresPrescription).map((i) => i.uuid);
  let requests;
  await step('Wait for the encounter to open with both prescription requests', async () => {
    const { value, tries } = await waitFor(
      'the pending prescription requests of the order',
      async () => {
        const { data } = await api('GET', '/prescription-requests', { token: tokens.provider });
        const mine = data.filter((r) => r.orderUuid === order.uuid);
        return mine.length === rxItems.length
          ? { value: mine }
          : { seen: `${mine.length} of ${rxItems.length} requests` };
      },
    );
    requests = value;
    return [
      `encounter ${requests[0].encounterId} (after ${tries} ${tries === 1 ? 'try' : 'tries'})`,
      ...requests.map((r) => `  request ${r.id}: ${r.quantity} × ${r.productId}, ${r.status}`),
    ];
  });

  const prescriptionIds = [];
  const approvalRequestIds = [];
  for (const request of requests) {
    await step(`${PROVIDER} approves ${request.productId}`, async () => {
      const { data, requestId } = await api(
        'POST',
        `/prescription-requests/${request.id}/approve`,
        {
          token: tokens.provider,
          body: { sig: `Take as directed (${request.productId}).`, refills: 1 },
          expect: [201],
        },
      );
      prescriptionIds.push(data.prescription.id);
      approvalRequestIds.push(requestId);
      return [
        `request ${data.request.status}; prescription ${data.prescription.id}: ${data.prescription.status}`,
        `X-Request-Id ${requestId}  (the worker's eRx job carries it)`,
      ];
    });
  }

  let shipped;
  await step('Wait until the order ships', async () => {
    const { value, tries } = await waitFor('the order to be fulfilled', async () => {
      const { data } = await api('GET', `/orders/${order.uuid}`, { token: tokens.patient });
      if (data.status === 'cancelled') throw new DemoError(`order ${order.uuid} was cancelled`);
      return data.status === 'fulfilled' ? { value: data } : { seen: `status ${data.status}` };
    });
    shipped = value;
    return [
      `order ${shipped.status} (after ${tries} ${tries === 1 ? 'try' : 'tries'}), tracking number ${shipped.trackingNumber}`,
      ...shipped.items.map((i) => `  item ${i.productId}: ${i.status}`),
    ];
  });

  let encounter;
  await step('Wait until both prescriptions reach the eRx network', async () => {
    const { value, tries } = await waitFor('both prescriptions to be transmitted', async () => {
      const { data } = await api('GET', `/encounters/${requests[0].encounterId}`, {
        token: tokens.patient,
      });
      const failed = data.prescriptions.find((p) => p.status === 'transmission_failed');
      if (failed) {
        throw new DemoError(
          `prescription ${failed.id} failed to transmit: ${failed.failureReason}`,
        );
      }
      const transmitted = data.prescriptions.filter((p) => p.status === 'transmitted');
      return transmitted.length === prescriptionIds.length
        ? { value: data }
        : { seen: `${transmitted.length} of ${prescriptionIds.length} transmitted` };
    });
    encounter = value;
    return [
      `encounter ${encounter.status} (after ${tries} ${tries === 1 ? 'try' : 'tries'})`,
      ...encounter.prescriptions.map(
        (p) => `  prescription ${p.productId}: ${p.status}, eRx reference ${p.erxReference}`,
      ),
    ];
  });

  console.log('');
  console.log(`Done in ${seconds(performance.now() - started)}.`);
  console.log(`  order            ${order.uuid}`);
  console.log(`  tracking number  ${shipped.trackingNumber}`);
  for (const p of encounter.prescriptions) {
    console.log(`  eRx reference    ${p.erxReference}  (${p.productId})`);
  }
  // Each request's id travels with the events and jobs it causes: grep the API and worker logs.
  console.log(`  X-Request-Id     ${placementRequestId}  (placement: the encounter opening)`);
  approvalRequestIds.forEach((id, i) => {
    const last = i === approvalRequestIds.length - 1;
    console.log(
      `  X-Request-Id     ${id}  (approval ${i + 1}: eRx submission${last ? ', shipping' : ''})`,
    );
  });
}

main().catch((error) => {
  console.error('');
  if (error instanceof DemoError) {
    console.error(`${clock()} ✗ demo failed: ${error.message}`);
  } else {
    console.error(`${clock()} ✗ demo failed unexpectedly:`, error);
  }
  process.exit(1);
});
