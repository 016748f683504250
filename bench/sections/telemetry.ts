import { NodeSDK } from '@opentelemetry/sdk-node';
import { DomainEvent } from '@pharmacy/platform';
import { subscriberSpan } from '@pharmacy/platform/telemetry';
import { Row } from '../lib/report';
import { Scale } from '../lib/scale';
import { LoopResult, sequential } from '../lib/stats';

/**
 * 2e–2f. What tracing costs. With no exporter configured (the default) no SDK starts, and the
 * platform's spans are calls into the OpenTelemetry API's no-op tracer: 2f times one of them
 * against the bare call. 2e runs the registry workload of 2b again with an SDK recording every
 * platform span (exported to nowhere, through the same batch processor as production).
 */

class BenchTracedEvent extends DomainEvent<{ n: number }> {
  static readonly type = 'bench.traced';
  static readonly version = 1;
}

const discard = {
  export: (_spans: unknown[], done: (result: { code: 0 }) => void) => done({ code: 0 }),
  shutdown: async () => undefined,
};

/** Runs `work` with an SDK recording spans, then stops it. Call it after every untraced run. */
export async function withRecordingSdk<T>(work: () => Promise<T>): Promise<T> {
  const sdk = new NodeSDK({ traceExporter: discard, instrumentations: [] });
  sdk.start();
  try {
    return await work();
  } finally {
    await sdk.shutdown();
  }
}

export async function noopSpanRow(scale: Scale): Promise<Row> {
  const event = new BenchTracedEvent({ n: 1 });
  const body = async () => undefined;
  const options = { warmupMs: scale.busWarmupMs, durationMs: scale.busMs, batch: 1000 };
  const bare = await sequential({ ...options, op: body });
  const spanned = await sequential({
    ...options,
    op: () => subscriberSpan('bench.noop', event, body),
  });
  const ns = (perSecond: number) => ({ value: 1e9 / perSecond, unit: 'ns/call' });
  return {
    id: '2f',
    section: 'wrapper',
    measure: 'Tracing off (no exporter): one platform span around an async no-op, no SDK started',
    result: ns(spanned.perSecond),
    baselineName: 'the same async no-op, called bare',
    baseline: ns(bare.perSecond),
  };
}

export function tracingRow(traced: LoopResult, untraced: LoopResult): Row {
  const tx = (r: LoopResult) => ({ value: r.perSecond, unit: 'tx/s' });
  return {
    id: '2e',
    section: 'wrapper',
    measure:
      'Tracing on: registry bus (2b) with an SDK recording the platform spans (4-5 a delivery)',
    result: tx(traced),
    errors: traced.errors,
    baselineName: 'registry bus (2b), tracing off, same run',
    baseline: tx(untraced),
    target: { kind: 'ratio-at-least', min: 0.7 },
  };
}

/** 2f in proportion: the untraced spans of one registry transaction against its latency. */
export function tracingOffNote(noopSpan: Row, untraced: LoopResult): string {
  const perSpanNs = noopSpan.result.value - noopSpan.baseline.value;
  const spans = 4; // publish, dispatch, subscriber, the subscriber's unit of work
  const share = (spans * perSpanNs) / (untraced.latency.p50 * 1e6);
  return (
    `2f: with no exporter a platform span costs ${perSpanNs.toFixed(0)} ns more than the bare ` +
    `call; the ${spans} of a registry transaction add ${((spans * perSpanNs) / 1000).toFixed(1)} µs ` +
    `to its p50 of ${untraced.latency.p50.toFixed(2)} ms (2b): ${(share * 100).toFixed(2)}%.`
  );
}
