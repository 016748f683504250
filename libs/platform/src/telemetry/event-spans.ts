import { context, SpanKind, trace } from '@opentelemetry/api';
import type { DomainEvent } from '../events/domain-event';
import { contextFromCarrier, inSpan, moduleOf, SPAN_ATTRIBUTES as A } from './spans';

/** The span of publishing one event: its context is what each publication stores. */
export function publishSpan<T>(event: DomainEvent, work: () => Promise<T>): Promise<T> {
  return inSpan(
    `publish ${event.type}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        [A.module]: moduleOf(event.type),
        [A.eventType]: event.type,
        [A.eventId]: event.eventId,
      },
    },
    () => work(),
  );
}

/**
 * The span of delivering one publication to its subscriber, child of the span that published it
 * (from the stored context), whether this process delivers it right after commit or a relay in
 * any process picks it up later.
 */
export function dispatchSpan<T>(
  publication: { id: string; subscriber: string; traceContext?: Record<string, string> | null },
  eventType: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  return inSpan(
    `dispatch ${eventType ?? 'event'} to ${publication.subscriber}`,
    {
      kind: SpanKind.CONSUMER,
      parent: contextFromCarrier(publication.traceContext),
      attributes: {
        [A.module]: moduleOf(publication.subscriber),
        [A.subscriber]: publication.subscriber,
        [A.publicationId]: publication.id,
        ...(eventType ? { [A.eventType]: eventType } : {}),
      },
    },
    () => work(),
  );
}

/** The span of one subscriber handling one event, around its transaction. */
export function subscriberSpan<T>(
  subscriber: string,
  event: DomainEvent,
  work: () => Promise<T>,
): Promise<T> {
  return inSpan(
    subscriber,
    {
      attributes: {
        [A.module]: moduleOf(subscriber),
        [A.subscriber]: subscriber,
        [A.eventType]: event.type,
        [A.eventId]: event.eventId,
      },
    },
    () => work(),
  );
}

/**
 * The span of one database transaction, from BEGIN to COMMIT, inside a trace that is already
 * running. A relay's polling transaction, which nothing caused, opens no trace of its own.
 */
export function transactionSpan<T>(work: () => Promise<T>): Promise<T> {
  if (!trace.getSpan(context.active())) return work();
  return inSpan('unit-of-work', { kind: SpanKind.INTERNAL }, () => work());
}
