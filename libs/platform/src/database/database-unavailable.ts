/**
 * SQLSTATE codes and classes that say "the database cannot serve this now", not "this request is
 * wrong": worth a retry later, and an honest 503 to a client. See PostgreSQL's appendix A.
 */
const UNAVAILABLE_SQLSTATE_CLASSES = ['08', '53', '58']; // connection, resources, system error
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '57P05', // idle_session_timeout
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

/** Node's socket error codes for a database that cannot be reached. */
const UNREACHABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * pg raises its client-side failures without a code: the connection was terminated, a query
 * outran `query_timeout`, or the pool found no free connection within `connectionTimeoutMillis`.
 * These fixed sentences of the driver are the only messages recognised, for want of a code.
 */
const CODELESS_DRIVER_FAILURES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
];

/**
 * True when an error means the database is lost, overloaded or timed out, recognised by its code:
 * the SQLSTATE of a server error, or the errno of a socket error. TypeORM wraps driver errors
 * (`driverError`); every layer is read.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const layer of layersOf(error)) {
    const code = (layer as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (UNAVAILABLE_SQLSTATES.has(code) || UNREACHABLE_ERRNOS.has(code)) return true;
      if (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_SQLSTATE_CLASSES.includes(code.slice(0, 2))) {
        return true;
      }
      continue;
    }
    const message = (layer as { message?: unknown }).message;
    if (
      typeof message === 'string' &&
      CODELESS_DRIVER_FAILURES.some((sentence) => message.startsWith(sentence))
    ) {
      return true;
    }
  }
  return false;
}

function layersOf(error: unknown): object[] {
  const layers: object[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && layers.length < 4) {
    layers.push(current);
    const next = current as { driverError?: unknown; cause?: unknown };
    current = next.driverError ?? next.cause;
  }
  return layers;
}
