/**
 * The OpenTelemetry SDK of a process: `@pharmacy/platform/telemetry`. Import it FIRST in an app's
 * entry file, before Nest, pg or ioredis load, so the instrumentations can patch them. It loads
 * nothing of the platform's Nest code.
 */
export { startTelemetry, stopTelemetry, tracingEnabled } from './start-telemetry';
export { publishSpan, dispatchSpan, subscriberSpan } from './event-spans';
