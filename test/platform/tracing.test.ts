import { INestApplicationContext } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { DomainEvent, EventBus } from '@pharmacy/platform';
import { bootRegistry } from '../support/registry-testing';
import { waitFor } from '../support/wait-for';

class PillCountedEvent extends DomainEvent<{ pills: number }> {
  static readonly type = 'test.pill-counted';
  static readonly version = 1;
}

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;

/**
 * The platform's own spans, recorded in memory: a delivery is the child of the span that
 * published its event, also when it is a retry the relay delivers from the table later.
 */
describe('Tracing the registry', () => {
  const exporter = new InMemorySpanExporter();
  const sdk = new NodeSDK({
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
    instrumentations: [],
  });
  let app: INestApplicationContext;
  let failuresLeft = 1;
  const handled: number[] = [];

  beforeAll(async () => {
    sdk.start();
    app = await bootRegistry();
    app.get(EventBus).subscribe(PillCountedEvent, 'test.count-pills', (event) => {
      if (failuresLeft-- > 0) throw new Error('first attempt fails');
      handled.push(event.payload.pills);
    });
  });

  afterAll(async () => {
    await app.close();
    await sdk.shutdown();
  });

  it('links publish, every delivery attempt, the subscriber and its transaction in one trace', async () => {
    const tracer = trace.getTracer('test');
    const request = await tracer.startActiveSpan('request', async (span) => {
      await app.get(EventBus).publish(new PillCountedEvent({ pills: 30 }));
      span.end();
      return span;
    });
    // The first attempt fails right after commit; the relay delivers the retry from the table.
    await waitFor('the retried delivery', () => handled.includes(30));
    const spans = await waitFor('the subscriber spans of both attempts', () => {
      const finished = exporter.getFinishedSpans();
      return finished.filter((s) => s.name === 'test.count-pills').length === 2 && finished;
    });

    const traceId = request.spanContext().traceId;
    expect(new Set(spans.map((s) => s.spanContext().traceId))).toEqual(new Set([traceId]));
    const publish = spans.find((s) => s.name === 'publish test.pill-counted')!;
    expect(publish.attributes).toMatchObject({
      'pharmacy.module': 'test',
      'pharmacy.event.type': 'test.pill-counted',
    });
    const dispatches = spans.filter(
      (s) => s.name === 'dispatch test.pill-counted to test.count-pills',
    );
    expect(dispatches).toHaveLength(2);
    for (const dispatch of dispatches) {
      expect(parentOf(dispatch)).toBe(idOf(publish));
      expect(dispatch.attributes['pharmacy.subscriber']).toBe('test.count-pills');
      const subscriber = spans.find(
        (s) => s.name === 'test.count-pills' && parentOf(s) === idOf(dispatch),
      )!;
      const transaction = spans.find(
        (s) => s.name === 'unit-of-work' && parentOf(s) === idOf(subscriber),
      );
      expect(transaction).toBeDefined();
    }
    const failed = spans.filter((s) => s.name === 'test.count-pills' && s.status.code === 2);
    expect(failed).toHaveLength(1);
    expect(failed[0].events.map((e) => e.name)).toContain('exception');
  });
});
