import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Components, conforms, hostile, mutated, Schema, valid } from '../support/contract/schemas';
import { pendingRequestsOf, placeOrder, RX_A } from '../support/flow';
import { DemoUser, startStack, Stack } from '../support/stack';
import { signTestToken } from '../support/tokens';

/**
 * Drives every operation of the API's own OpenAPI document with generated bodies, path and query
 * parameters and headers, as every role, and holds the server to three rules: no 5xx ever; a
 * refusal (4xx) writes nothing; a success answers a status and a body the contract documents.
 * CI runs FUZZ_RUNS (default 300) cases; for a long local run:
 *   FUZZ_RUNS=20000 NODE_OPTIONS=--experimental-vm-modules npx jest test/security/contract-fuzz.test.ts
 * A failure prints its seed and path; FUZZ_SEED=<seed> replays it. Each case it ever found stays
 * in REGRESSIONS below.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

interface Operation {
  method: 'get' | 'post';
  path: string;
  pathParams: string[];
  query: { name: string; schema: Schema }[];
  body?: Schema;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface DocumentedOperation {
  parameters?: { in: string; name: string; schema: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Operation['responses'];
}

type Caller = 'anonymous' | 'garbage-token' | DemoUser;
const CALLERS: Caller[] = [
  'anonymous',
  'garbage-token',
  'patient1',
  'patient2',
  'providerCa',
  'providerTx',
  'admin',
];

interface Case {
  op: Operation;
  caller: Caller;
  params: unknown[];
  query: [string, unknown][];
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };
  contentType: string;
  headers: Record<string, string>;
}

/** Cases the fuzzer (or a reviewer) found once; replayed on every run. None has failed yet. */
const REGRESSIONS: { description: string; build: (ops: Operation[]) => Case | undefined }[] = [
  {
    description: 'a NUL inside a sig (was a 500 before SafeText)',
    build: (ops) => decision(ops, 'approve', { sig: 'Take\u0000', refills: 0 }),
  },
  {
    description: 'a deeply nested array in an unknown field (was a 500)',
    build: (ops) => ({
      ...decision(ops, 'approve', {})!,
      body: {
        kind: 'raw',
        text: `{"sig":"x","refills":0,"x":${'['.repeat(3000)}${']'.repeat(3000)}}`,
      },
    }),
  },
  {
    description: 'a __proto__ key (was accepted)',
    build: (ops) => ({
      ...decision(ops, 'reject', {})!,
      body: { kind: 'raw', text: '{"reason":"no","__proto__":{"x":1}}' },
    }),
  },
];

/** Any generated value as text (objects without a prototype have no toString). */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : String(JSON.stringify(value));
}

function decision(ops: Operation[], kind: string, value: unknown): Case | undefined {
  const op = ops.find((o) => o.path.endsWith(`/${kind}`));
  return (
    op && {
      op,
      caller: 'providerCa',
      params: [randomUUID()],
      query: [],
      body: { kind: 'json', value },
      contentType: 'application/json',
      headers: {},
    }
  );
}

describe('Fuzzing every operation of the OpenAPI contract, as every role', () => {
  let stack: Stack;
  let db: DataSource;
  let operations: Operation[];
  let components: Components;
  let knownIds: string[];

  beforeAll(async () => {
    stack = await startStack({}, { worker: false });
    db = stack.api.get(DataSource);
    const { body: document } = await stack.http.get('/api/docs-json').expect(200);
    components = document.components.schemas;
    operations = Object.entries(
      document.paths as Record<string, Record<string, DocumentedOperation>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method as 'get' | 'post',
        path,
        pathParams: (operation.parameters ?? [])
          .filter((p: { in: string }) => p.in === 'path')
          .map((p: { name: string }) => p.name),
        query: (operation.parameters ?? [])
          .filter((p: { in: string }) => p.in === 'query')
          .map((p: { name: string; schema: Schema }) => ({ name: p.name, schema: p.schema })),
        body: operation.requestBody?.content?.['application/json']?.schema,
        responses: operation.responses,
      })),
    );
    // Real ids, so generated requests reach records and not only 404s.
    const order = await placeOrder(stack, [RX_A], 'CA');
    const [request] = await pendingRequestsOf(stack, order.uuid, 1);
    knownIds = [order.uuid, request.id, request.encounterId, request.orderItemUuid];
  });

  afterAll(() => stack.close());

  /** What a refusal must leave untouched: every row a request writes synchronously. */
  async function footprint() {
    const [row] = await db.query(`select
      (select count(*) from orders)::int as orders,
      (select count(*) from order_items)::int as items,
      (select count(*) from order_idempotency_keys)::int as keys,
      (select count(*) from prescription_requests where status <> 'pending')::int as decided,
      (select count(*) from prescriptions)::int as prescriptions,
      (select count(*) from users)::int as users,
      (select count(*) from event_publications where status = 'failed')::int as failed`);
    return row;
  }

  const headerText = fc
    .string({ unit: 'grapheme-ascii', maxLength: 40 })
    .map((text) => text.replace(/[^\x20-\x7e]/g, ''));

  function caseFor(op: Operation): fc.Arbitrary<Case> {
    const id = fc.oneof(
      fc.constantFrom(...knownIds),
      fc.uuid(),
      // Never empty: `/api/orders/` is another operation (the list), not this one.
      hostile.map((value) => textOf(value).slice(0, 200) || '-'),
    );
    const query = fc.tuple(
      ...op.query.map(({ name, schema }) =>
        fc.option(
          fc.oneof(valid(schema, components), hostile).map((v): [string, unknown] => [name, v]),
          {
            nil: undefined,
          },
        ),
      ),
      fc.option(fc.tuple(fc.constantFrom('debug', 'patientId', '__proto__'), hostile), {
        nil: undefined,
        freq: 5,
      }),
    );
    const body: fc.Arbitrary<Case['body']> = op.body
      ? fc.oneof(
          {
            weight: 3,
            arbitrary: valid(op.body, components).map((value) => ({
              kind: 'json' as const,
              value,
            })),
          },
          {
            weight: 3,
            arbitrary: mutated(op.body, components).map((value) => ({
              kind: 'json' as const,
              value,
            })),
          },
          { weight: 1, arbitrary: hostile.map((value) => ({ kind: 'json' as const, value })) },
          {
            weight: 1,
            arbitrary: fc.string({ maxLength: 80 }).map((text) => ({ kind: 'raw' as const, text })),
          },
        )
      : fc.oneof(
          { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
          { weight: 1, arbitrary: hostile.map((value) => ({ kind: 'json' as const, value })) },
        );
    return fc.record({
      op: fc.constant(op),
      caller: fc.constantFrom(...CALLERS),
      params: fc.tuple(...op.pathParams.map(() => id)),
      query: query.map((pairs) => pairs.filter((p): p is [string, unknown] => p !== undefined)),
      body,
      contentType: fc.constantFrom(
        'application/json',
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'application/x-www-form-urlencoded',
      ),
      headers: fc.record(
        {
          'idempotency-key': fc.oneof(fc.uuid(), headerText),
          'x-access-reason': headerText,
          'x-request-id': headerText,
        },
        { requiredKeys: [] },
      ),
    });
  }

  async function send(c: Case) {
    let path = c.op.path;
    c.op.pathParams.forEach((name, i) => {
      // A lone surrogate cannot travel in a URL at all; send what a client would (U+FFFD).
      const text = textOf(c.params[i]).replace(LONE_SURROGATE, '\uFFFD');
      path = path.replace(`{${name}}`, encodeURIComponent(text));
    });
    const search = new URLSearchParams(c.query.map(([k, v]): [string, string] => [k, textOf(v)]));
    const url = search.size > 0 ? `${path}?${search}` : path;
    const call = stack.http[c.op.method](url).timeout(10_000);
    if (c.caller === 'garbage-token') call.set('Authorization', 'Bearer e30.e30.c2ln');
    else if (c.caller !== 'anonymous')
      call.set('Authorization', `Bearer ${signTestToken(c.caller)}`);
    for (const [name, value] of Object.entries(c.headers)) call.set(name, value);
    if (c.body.kind === 'none') return call;
    call.set('Content-Type', c.contentType);
    return call.send(
      c.body.kind === 'raw' ? c.body.text : (JSON.stringify(c.body.value) ?? 'null'),
    );
  }

  const answered = { success: 0, refusal: 0 };

  /** The three rules, for one case; throws what broke, so fast-check can shrink it. */
  async function check(c: Case): Promise<void> {
    const before = await footprint();
    const response = await send(c);
    answered[response.status < 400 ? 'success' : 'refusal'] += 1;
    const said = `${c.op.method.toUpperCase()} ${c.op.path} as ${c.caller} -> ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
    if (response.status >= 500) throw new Error(`5xx: ${said}`);
    if (response.status >= 400) {
      // Node's HTTP parser refuses oversized headers (431) before any of our code runs.
      const fromParser = response.status === 431;
      if (
        !fromParser &&
        !/^application\/problem\+json/.test(response.headers['content-type'] ?? '')
      ) {
        throw new Error(`a refusal that is not problem details: ${said}`);
      }
      const after = await footprint();
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        throw new Error(
          `a refusal wrote: ${JSON.stringify(before)} -> ${JSON.stringify(after)}: ${said}`,
        );
      }
      return;
    }
    const documented = c.op.responses[String(response.status)];
    if (!documented) throw new Error(`an undocumented status: ${said}`);
    const schema = documented.content?.['application/json']?.schema;
    const problems = schema ? conforms(response.body, schema, components) : [];
    if (problems.length > 0)
      throw new Error(`a body off contract (${problems.join('; ')}): ${said}`);
  }

  it('replays every case it ever found', async () => {
    for (const regression of REGRESSIONS) {
      const c = regression.build(operations);
      expect(c).toBeDefined();
      await check(c!);
    }
  });

  it(`never answers 5xx, writes nothing when it refuses, and answers as documented (${RUNS} cases)`, async () => {
    expect(operations.length).toBeGreaterThanOrEqual(10);
    const anyCase = fc.constantFrom(...operations).chain(caseFor);
    await fc.assert(fc.asyncProperty(anyCase, check), {
      numRuns: RUNS,
      seed: SEED,
      endOnFailure: process.env.FUZZ_SHRINK !== 'true',
    });
    // Generated requests must reach the use cases, not only bounce off validation.
    // About 3% succeed (10 of 300); none at all would mean the generator lost its way.
    expect(answered.success).toBeGreaterThan(0);
    if (process.env.FUZZ_STATS === 'true') process.stdout.write(`${JSON.stringify(answered)}\n`);
    expect(answered.refusal).toBeGreaterThan(RUNS / 4);
  }, 300_000);
});
