#!/usr/bin/env node
// A stand-in for an OpenTelemetry collector, for machines without Jaeger: accepts OTLP over
// HTTP with JSON bodies (POST /v1/traces) and appends every span, flattened, as one JSON line to
// a file that `npm run demo` (DEMO_WATERFALL) and the tests read.
//
//   TRACE_FILE=.traces/spans.jsonl TRACE_COLLECTOR_PORT=4318 node scripts/trace-collector.mjs
//
// Point the apps at it with OTEL_TRACES_EXPORTER=otlp OTEL_EXPORTER_OTLP_PROTOCOL=http/json
// OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318. Plain Node 24, no dependencies.

import { Buffer } from 'node:buffer';
import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname } from 'node:path';

const FILE = process.env.TRACE_FILE || '.traces/spans.jsonl';
const PORT = Number(process.env.TRACE_COLLECTOR_PORT || 4318);
const HOST = process.env.TRACE_COLLECTOR_HOST || '127.0.0.1';

const valueOf = (v) =>
  v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : (v.boolValue ?? v.doubleValue));
const attributesOf = (list = []) => Object.fromEntries(list.map((a) => [a.key, valueOf(a.value)]));

/** One line per span: service, ids, name, kind, start and end in ns (as strings), attributes. */
export function flatten(body) {
  const lines = [];
  for (const resourceSpans of body.resourceSpans ?? []) {
    const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
    for (const scope of resourceSpans.scopeSpans ?? []) {
      for (const span of scope.spans ?? []) {
        lines.push({
          service,
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId || undefined,
          name: span.name,
          kind: span.kind,
          startNs: String(span.startTimeUnixNano),
          endNs: String(span.endTimeUnixNano),
          attributes: attributesOf(span.attributes),
        });
      }
    }
  }
  return lines;
}

mkdirSync(dirname(FILE), { recursive: true });
const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    if (request.method !== 'POST' || request.url !== '/v1/traces') {
      response.writeHead(404).end();
      return;
    }
    try {
      const spans = flatten(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      if (spans.length) appendFileSync(FILE, spans.map((s) => JSON.stringify(s) + '\n').join(''));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    } catch (error) {
      // Protobuf bodies land here: the apps must export with OTEL_EXPORTER_OTLP_PROTOCOL=http/json.
      response.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
});
server.listen(PORT, HOST, () =>
  console.log(`trace collector: OTLP/JSON on http://${HOST}:${PORT}/v1/traces -> ${FILE}`),
);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => server.close(() => process.exit(0)));
