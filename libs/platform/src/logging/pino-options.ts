import type { IncomingMessage } from 'node:http';
import type { Options } from 'pino-http';
import { Trace } from '../context/trace-context';
import { correlationIdOf } from '../http/trace.middleware';

/**
 * What never reaches a log line: credentials in headers, the dashboard's token in a URL, and what
 * a failed query carries besides its message (its SQL, its parameters, PostgreSQL's detail, which
 * quotes the offending row). Those hold patient data and secrets; the SQLSTATE code and the
 * constraint name stay, and suffice to diagnose.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-access-reason"]',
  'res.headers["set-cookie"]',
  'err.query',
  'err.parameters',
  'err.detail',
  'err.where',
  'err.driverError.query',
  'err.driverError.parameters',
  'err.driverError.detail',
  'err.driverError.where',
  'err.driverError.internalQuery',
];

const TOKEN_IN_QUERY = /([?&](?:token|access_token)=)[^&]*/gi;

/** pino-http options of both apps: JSON lines carrying the correlation id, redacted. */
export function pinoHttpOptions(level: string): Options {
  return {
    level,
    genReqId: (request: IncomingMessage) => correlationIdOf(request),
    mixin: () => {
      const trace = Trace.current();
      return trace ? { correlationId: trace.correlationId, causationId: trace.causationId } : {};
    },
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : 'info',
    serializers: {
      req: (request: { method: string; url?: string }) => ({
        method: request.method,
        url: request.url?.replace(TOKEN_IN_QUERY, '$1[Redacted]'),
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
  };
}
