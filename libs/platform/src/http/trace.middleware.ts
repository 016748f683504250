import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Trace } from '../context/trace-context';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * Starts the trace of a request: its correlation id comes from `X-Request-Id`, else from the trace
 * id of a W3C `traceparent`, else is new. It is echoed back and carried by every event and job
 * the request causes.
 */
@Injectable()
export class TraceMiddleware implements NestMiddleware {
  use(
    request: IncomingMessage & { id?: unknown },
    response: ServerResponse,
    next: () => void,
  ): void {
    // The HTTP logger may have named the request already; both must agree on one id.
    const correlationId = typeof request.id === 'string' ? request.id : correlationIdOf(request);
    request.headers['x-request-id'] = correlationId;
    response.setHeader('X-Request-Id', correlationId);
    Trace.run({ correlationId, causationId: null }, next);
  }
}

export function correlationIdOf(request: { headers: IncomingHttpHeaders }): string {
  const requestId = request.headers['x-request-id'];
  if (typeof requestId === 'string' && REQUEST_ID.test(requestId)) return requestId;
  const traceparent = request.headers['traceparent'];
  const traceId = typeof traceparent === 'string' ? TRACEPARENT.exec(traceparent)?.[1] : undefined;
  return traceId ?? randomUUID();
}
