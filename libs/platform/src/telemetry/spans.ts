import {
  Attributes,
  context,
  Context,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

/**
 * The platform's own spans. They go through the OpenTelemetry API only: while no SDK is started
 * (no exporter configured) every call here is a no-op on a non-recording span.
 */
const tracer = trace.getTracer('pharmacy-platform');

/** Span attributes, named once. */
export const SPAN_ATTRIBUTES = {
  module: 'pharmacy.module',
  eventType: 'pharmacy.event.type',
  eventId: 'pharmacy.event.id',
  subscriber: 'pharmacy.subscriber',
  publicationId: 'pharmacy.publication.id',
} as const;

/** The module a stable name such as `orders.order-placed` or `ehr.open-encounter` belongs to. */
export function moduleOf(name: string): string {
  return name.slice(0, name.indexOf('.'));
}

/** Runs `work` in a new span, which records a failure as an error and always ends. */
export function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer.startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    parent,
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** The active span's W3C context as stored with a publication, or null when nothing is traced. */
export function currentTraceCarrier(): Record<string, string> | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? carrier : null;
}

/** The context a stored carrier names; the active one when the publication has none. */
export function contextFromCarrier(carrier: Record<string, string> | null | undefined): Context {
  return carrier ? propagation.extract(ROOT_CONTEXT, carrier) : context.active();
}
