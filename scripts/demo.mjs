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
//
// Tracing (docs/observability.md): DEMO_TRACE=true makes the placing and approving requests one
// trace (a W3C traceparent of the demo's own root span, which it sends to the OTLP endpoint
// OTEL_EXPORTER_OTLP_ENDPOINT, default http://127.0.0.1:4318, as JSON). DEMO_WATERFALL=<file.html>
// also waits for the whole trace in DEMO_SPANS (what scripts/trace-collector.mjs writes, default
// .traces/spans.jsonl) and draws it as a self-contained HTML waterfall.

/* global fetch, AbortSignal */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const BASE_URL = (process.env.BASE_URL || 'http://localhost:3000').replace(/\/+$/, '');
const WAIT_TIMEOUT_MS = positiveInt('DEMO_TIMEOUT_MS', 30_000);
const POLL_MS = positiveInt('DEMO_POLL_MS', 250);
const REQUEST_TIMEOUT_MS = 10_000;
const WATERFALL = process.env.DEMO_WATERFALL || '';
const TRACED = WATERFALL !== '' || process.env.DEMO_TRACE === 'true';
const SPANS_FILE = process.env.DEMO_SPANS || '.traces/spans.jsonl';
const OTLP_ENDPOINT = (process.env.OTEL_EXPORTER_OTLP_ENDPOINT || 'http://127.0.0.1:4318').replace(
  /\/+$/,
  '',
);
/** The demo's own span: the parent of every request of the order's journey when tracing. */
const journey = {
  traceId: randomBytes(16).toString('hex'),
  spanId: randomBytes(8).toString('hex'),
};
/** Headers that put a request in the journey's trace, with a request id of its own for the logs. */
const inJourney = () =>
  TRACED
    ? { traceparent: `00-${journey.traceId}-${journey.spanId}-01`, 'X-Request-Id': randomUUID() }
    : {};

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
    const [queues, store] = data.info?.redis ? ['redis', 'Redis'] : ['queues', 'queues'];
    return `PostgreSQL ${data.info?.postgres?.status}, ${store} ${data.info?.[queues]?.status}`;
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
  const journeyStartNs = BigInt(Date.now()) * 1_000_000n;
  await step(
    `Place an order for ${lines.map((l) => `${l.quantity} × ${l.productId}`).join(', ')}, shipping to ${STATE}`,
    async () => {
      const idempotencyKey = randomUUID();
      const placed = await api('POST', '/orders', {
        token: tokens.patient,
        body: { items: lines, fulfillmentState: STATE },
        headers: { 'Idempotency-Key': idempotencyKey, ...inJourney() },
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
          headers: inJourney(),
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

  if (TRACED) await traceJourney(journeyStartNs, order, prescriptionIds.length);

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

/** Sends the demo's root span, then (DEMO_WATERFALL) waits for the whole trace and draws it. */
async function traceJourney(startNs, order, prescriptions) {
  const root = {
    traceId: journey.traceId,
    spanId: journey.spanId,
    name: `order journey ${order.uuid}`,
    kind: 1,
    startTimeUnixNano: String(startNs),
    endTimeUnixNano: String(BigInt(Date.now()) * 1_000_000n),
    attributes: [{ key: 'pharmacy.order.uuid', value: { stringValue: order.uuid } }],
  };
  await step(`Send the journey's root span to ${OTLP_ENDPOINT}`, async () => {
    const response = await fetch(`${OTLP_ENDPOINT}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceSpans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'demo' } }] },
            scopeSpans: [{ scope: { name: 'demo' }, spans: [root] }],
          },
        ],
      }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    }).catch((error) => {
      throw new DemoError(
        `cannot reach the OTLP endpoint ${OTLP_ENDPOINT}: ${error.cause?.code ?? error.message}`,
      );
    });
    if (!response.ok) throw new DemoError(`the OTLP endpoint answered ${response.status}`);
    return [
      `trace ${journey.traceId} (in Jaeger: http://localhost:16686/trace/${journey.traceId})`,
    ];
  });
  if (!WATERFALL) return;
  const { readSpans, renderWaterfall } = await import('./trace-waterfall.mjs');
  await step(`Draw the trace as a waterfall in ${WATERFALL}`, async () => {
    const { value } = await waitFor(`the whole trace in ${SPANS_FILE}`, async () => {
      if (!existsSync(SPANS_FILE))
        return { seen: 'no spans file yet; is scripts/trace-collector.mjs running?' };
      const spans = readSpans(SPANS_FILE, journey.traceId);
      const ids = new Set(spans.map((s) => s.spanId));
      const orphans = spans.filter((s) => s.parentSpanId && !ids.has(s.parentSpanId)).length;
      const shipped = spans.some(
        (s) => s.name === 'notifications.notify-patient-when-order-shipped',
      );
      const transmitted = spans.filter((s) => s.name === 'process erx-submission').length;
      return orphans === 0 && shipped && transmitted === prescriptions
        ? { value: spans }
        : { seen: `${spans.length} spans, ${orphans} without their parent yet` };
    });
    writeFileSync(
      WATERFALL,
      renderWaterfall(value, { title: `One order's journey: ${order.uuid}` }),
    );
    return [`${value.length} spans from ${[...new Set(value.map((s) => s.service))].join(', ')}`];
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
