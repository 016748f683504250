import { INestApplicationContext } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { DomainEvent, EventBus, UnitOfWork } from '@pharmacy/platform';
import { DataSource } from 'typeorm';
import { forgetNamespace, uniqueNamespace } from '../../support/broker';
import { bootBroker } from '../../support/broker-testing';
import { describeWithBroker } from '../../support/needs';
import { waitFor } from '../../support/wait-for';

class LabelPrintedEvent extends DomainEvent<{ labelId: string }> {
  static readonly type = 'shipping.label-printed';
  static readonly version = 1;
}

const FILE = 'shipping.file-label-when-printed';

/**
 * Over RabbitMQ the trace travels in the message: the outbox stores the publishing span's
 * context, the relay sends it as the CloudEvent's `traceparent`, and the consumer's subscriber
 * span continues it, in the same trace and under the publishing span.
 */
describeWithBroker('A trace over the broker', () => {
  const namespace = uniqueNamespace();
  const exporter = new InMemorySpanExporter();
  const sdk = new NodeSDK({
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
    instrumentations: [],
  });
  let app: INestApplicationContext;
  const filed: string[] = [];

  beforeAll(async () => {
    sdk.start();
    app = await bootBroker({
      namespace,
      subscribe: (bus) =>
        bus.subscribe(LabelPrintedEvent, FILE, ({ payload }) => {
          filed.push(payload.labelId);
        }),
    });
  });

  afterAll(async () => {
    await forgetNamespace(namespace, app.get(DataSource), [FILE]);
    await app.close();
    await sdk.shutdown();
  });

  it("puts the subscriber's span under the publishing span, across the broker", async () => {
    const request = await trace.getTracer('test').startActiveSpan('request', async (span) => {
      await app
        .get(UnitOfWork)
        .run(() => app.get(EventBus).publish(new LabelPrintedEvent({ labelId: 'L-1' })));
      span.end();
      return span;
    });
    await waitFor('the label filed', () => filed.includes('L-1'));
    const spans = await waitFor('the subscriber span', () => {
      const finished = exporter.getFinishedSpans();
      return finished.some((s) => s.name === FILE) && finished;
    });

    const traceId = request.spanContext().traceId;
    const subscriber = spans.find((s) => s.name === FILE)!;
    expect(subscriber.spanContext().traceId).toBe(traceId);
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const ancestors: string[] = [];
    for (
      let parent = subscriber.parentSpanContext?.spanId;
      parent;
      parent = byId.get(parent)?.parentSpanContext?.spanId
    ) {
      ancestors.push(parent);
    }
    expect(ancestors).toContain(request.spanContext().spanId);
  });
});
