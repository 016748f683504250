#!/usr/bin/env node
// Draws one trace as a self-contained HTML waterfall: every span of every process on one time
// axis, nested under its parent, coloured by the module it ran for. No script, no network.
//
//   node scripts/trace-waterfall.mjs <spans.jsonl> <trace id> <out.html>
//
// The spans file is what scripts/trace-collector.mjs writes. Plain Node 24, no dependencies.

import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const COLOURS = {
  orders: '#2563eb',
  ehr: '#059669',
  notifications: '#d97706',
  identity: '#7c3aed',
  http: '#64748b',
};
const OTHER = '#94a3b8';

/** The spans of one trace in a collector's file. */
export function readSpans(file, traceId) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((span) => span.traceId === traceId);
}

/** Spans in tree order (each after its parent, siblings by start), with depth and module. */
function layout(spans) {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const children = new Map();
  const roots = [];
  for (const span of spans) {
    const parent = span.parentSpanId && byId.get(span.parentSpanId);
    if (parent) children.set(parent.spanId, [...(children.get(parent.spanId) ?? []), span]);
    else roots.push(span);
  }
  const byStart = (a, b) => (BigInt(a.startNs) < BigInt(b.startNs) ? -1 : 1);
  const rows = [];
  const visit = (span, depth, inherited) => {
    const module = span.attributes['pharmacy.module'] ?? moduleOfName(span) ?? inherited;
    rows.push({ span, depth, module });
    for (const child of (children.get(span.spanId) ?? []).sort(byStart)) {
      visit(child, depth + 1, module);
    }
  };
  for (const root of roots.sort(byStart)) visit(root, 0, 'http');
  return rows;
}

/** Jobs and their adds are named after their queue; the queue after its module's work. */
function moduleOfName(span) {
  if (/\b(fulfillment)\b/.test(span.name)) return 'orders';
  if (/\b(erx-submission)\b/.test(span.name)) return 'ehr';
  return undefined;
}

const escape = (text) =>
  String(text).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
  );
const ms = (ns) => Number(ns) / 1e6;

export function renderWaterfall(spans, { title = 'Trace' } = {}) {
  if (spans.length === 0) throw new Error('No spans to draw');
  const rows = layout(spans);
  const t0 = spans.reduce(
    (min, s) => (BigInt(s.startNs) < min ? BigInt(s.startNs) : min),
    BigInt(spans[0].startNs),
  );
  const t1 = spans.reduce(
    (max, s) => (BigInt(s.endNs) > max ? BigInt(s.endNs) : max),
    BigInt(spans[0].endNs),
  );
  const total = Math.max(ms(t1 - t0), 0.001);
  const pct = (ns) => ((ms(BigInt(ns) - t0) / total) * 100).toFixed(3);
  const step = niceStep(total / 8);
  const ticks = [];
  for (let t = 0; t <= total; t += step) ticks.push(t);
  const services = [...new Set(spans.map((s) => s.service))].sort();
  const modules = [...new Set(rows.map((r) => r.module))].sort();

  const body = rows
    .map(({ span, depth, module }) => {
      const duration = ms(BigInt(span.endNs) - BigInt(span.startNs));
      const left = pct(span.startNs);
      const width = Math.max(Number(pct(span.endNs)) - Number(left), 0.15).toFixed(3);
      const details = Object.entries(span.attributes)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n');
      return `<div class="row" title="${escape(`${span.name}\n${duration.toFixed(2)} ms\n${details}`)}">
  <div class="label" style="padding-left:${depth * 12 + 6}px"><span class="svc svc-${services.indexOf(span.service)}">${escape(span.service.replace(/^pharmacy-/, ''))}</span>${escape(span.name)}</div>
  <div class="lane"><div class="bar" style="left:${left}%;width:${width}%;background:${COLOURS[module] ?? OTHER}"></div><span class="dur" style="left:calc(${left}% + ${width}% + 4px)">${duration.toFixed(1)} ms</span></div>
</div>`;
    })
    .join('\n');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
  body { font: 12px/1.4 system-ui, sans-serif; margin: 16px; color: #0f172a; background: #fff; }
  h1 { font-size: 16px; margin: 0 0 4px; } .sub { color: #475569; margin-bottom: 10px; }
  .legend span { display: inline-block; margin-right: 14px; } .legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
  .row, .axis { display: grid; grid-template-columns: 430px 1fr; align-items: center; }
  .row { height: 18px; border-bottom: 1px solid #f1f5f9; } .row:hover { background: #f8fafc; }
  .label { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .svc { display: inline-block; width: 48px; margin-right: 6px; font-size: 10px; color: #fff; border-radius: 3px; text-align: center; }
  .svc-0 { background: #334155; } .svc-1 { background: #9333ea; } .svc-2 { background: #0891b2; }
  .lane { position: relative; height: 100%; margin-right: 70px; }
  .bar { position: absolute; top: 4px; height: 10px; border-radius: 2px; }
  .dur { position: absolute; top: 2px; font-size: 10px; color: #64748b; white-space: nowrap; }
  .axis { height: 20px; border-bottom: 1px solid #cbd5e1; margin-top: 8px; }
  .ticks { position: relative; height: 100%; margin-right: 70px; } .ticks span { position: absolute; bottom: 2px; font-size: 10px; color: #64748b; border-left: 1px solid #cbd5e1; padding-left: 2px; }
</style></head><body>
<h1>${escape(title)}</h1>
<div class="sub">trace ${escape(spans[0].traceId)} · ${spans.length} spans from ${services.map(escape).join(', ')} · ${total.toFixed(1)} ms</div>
<div class="legend">${modules.map((m) => `<span><i style="background:${COLOURS[m] ?? OTHER}"></i>${escape(m)}</span>`).join('')}</div>
<div class="axis"><div></div><div class="ticks">${ticks.map((t) => `<span style="left:${((t / total) * 100).toFixed(3)}%">${t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(0)} ms`}</span>`).join('')}</div></div>
${body}
</body></html>
`;
}

function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, traceId, out] = process.argv.slice(2);
  if (!file || !traceId || !out) {
    console.error('usage: node scripts/trace-waterfall.mjs <spans.jsonl> <trace id> <out.html>');
    process.exit(2);
  }
  const spans = readSpans(file, traceId);
  writeFileSync(out, renderWaterfall(spans, { title: `Trace ${traceId}` }));
  console.log(`${out}: ${spans.length} spans`);
}
