import { createHash } from 'node:crypto';
import type { Message, Options } from 'amqplib';
import type { SerializedEvent } from '../registry/event-serializer';

/** The CloudEvents AMQP binding's prefix for attributes carried as message properties. */
const PREFIX = 'cloudEvents:';

export class MalformedMessageError extends Error {}

/**
 * A domain event as a CloudEvents 1.0 message in binary mode: the attributes travel as
 * `cloudEvents:*` headers, the data (the event's payload, JSON) as the body. `id` is the event
 * id, so a consumer can drop a redelivery; the AMQP message id is the same id.
 */
export function toCloudEventMessage(
  event: SerializedEvent,
  traceContext?: Record<string, string> | null,
): {
  content: Buffer;
  options: Options.Publish;
} {
  const source = `/pharmacy/${event.type.split('.')[0]}`;
  const attributes: Record<string, string | number> = {
    specversion: '1.0',
    id: event.eventId,
    source,
    type: event.type,
    time: event.occurredAt,
    datacontenttype: 'application/json',
    dataschema: `urn:pharmacy:event:${event.type}:v${event.version}`,
    schemaversion: event.version,
    correlationid: event.correlationId,
    traceparent: traceContext?.traceparent ?? traceparentOf(event),
  };
  if (event.causationId) attributes.causationid = event.causationId;
  return {
    content: Buffer.from(JSON.stringify(event.payload)),
    options: {
      messageId: event.eventId,
      correlationId: event.correlationId,
      type: event.type,
      appId: source,
      contentType: 'application/json',
      timestamp: Math.floor(Date.parse(event.occurredAt) / 1000),
      persistent: true,
      headers: Object.fromEntries(
        Object.entries(attributes).map(([name, value]) => [`${PREFIX}${name}`, value]),
      ),
    },
  };
}

/** The CloudEvent attributes of a message, without the prefix; for consumers and tests. */
export function cloudEventAttributes(message: Message): Record<string, unknown> {
  const headers = message.properties.headers ?? {};
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => name.startsWith(PREFIX))
      .map(([name, value]) => [name.slice(PREFIX.length), decodeHeader(value)]),
  );
}

/** Reads a message back into the stored form the serializer rebuilds events from. */
export function fromCloudEventMessage(message: Message): SerializedEvent {
  const ce = cloudEventAttributes(message);
  const text = (name: string) => {
    const value = ce[name];
    if (typeof value !== 'string' || value === '') {
      throw new MalformedMessageError(`CloudEvent attribute "${name}" is missing`);
    }
    return value;
  };
  if (ce.specversion !== '1.0') throw new MalformedMessageError('Not a CloudEvents 1.0 message');
  let payload: unknown;
  try {
    payload = JSON.parse(message.content.toString('utf8'));
  } catch {
    throw new MalformedMessageError('The message body is not JSON');
  }
  return {
    type: text('type'),
    version: Number(ce.schemaversion),
    eventId: text('id'),
    occurredAt: text('time'),
    correlationId: text('correlationid'),
    causationId: typeof ce.causationid === 'string' ? ce.causationid : null,
    payload,
  };
}

/** The message's W3C trace context, for the consumer's spans to continue the publisher's trace. */
export function traceCarrierOf(message: Message): Record<string, string> | null {
  const { traceparent } = cloudEventAttributes(message);
  return typeof traceparent === 'string' ? { traceparent } : null;
}

/**
 * Without a recorded span (tracing off), a W3C trace context for the event: the trace id is the correlation id when that already is
 * one (a request that came with a `traceparent`), else derived from it, so every event of one
 * request shares a trace; the parent id is derived from the event id.
 */
function traceparentOf(event: SerializedEvent): string {
  const compact = event.correlationId.replace(/-/g, '').toLowerCase();
  const traceId = /^[0-9a-f]{32}$/.test(compact) ? compact : sha256(event.correlationId, 32);
  return `00-${traceId}-${sha256(event.eventId, 16)}-01`;
}

function sha256(value: string, length: number): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}

function decodeHeader(value: unknown): unknown {
  return Buffer.isBuffer(value) ? value.toString('utf8') : value;
}
