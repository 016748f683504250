import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

let sdk: NodeSDK | undefined;

/**
 * True when the standard `OTEL_TRACES_EXPORTER` names an exporter (`otlp`, `console`, `zipkin`)
 * and `OTEL_SDK_DISABLED` is not `true`. Unlike the specification's default (`otlp`), an unset
 * exporter means no tracing here: a process that nobody collects from pays nothing for it.
 */
export function tracingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '').trim();
  return env.OTEL_SDK_DISABLED !== 'true' && exporters !== '' && exporters !== 'none';
}

/**
 * Starts tracing for this process when an exporter is configured. Everything else comes from the
 * standard `OTEL_*` variables (endpoint, protocol, headers, sampler, batch delay); the service
 * name defaults to `serviceName`. Metrics and logs are not exported through OpenTelemetry: the
 * metrics are served in Prometheus format (docs/observability.md), the logs are JSON lines.
 */
export function startTelemetry(serviceName: string, env: NodeJS.ProcessEnv = process.env): void {
  if (sdk || !tracingEnabled(env)) return;
  env.OTEL_SERVICE_NAME ??= serviceName;
  env.OTEL_METRICS_EXPORTER ??= 'none';
  env.OTEL_LOGS_EXPORTER ??= 'none';
  sdk = new NodeSDK({
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes are not part of any flow.
        ignoreIncomingRequestHook: (request) => /\/(health|metrics)\b/.test(request.url ?? ''),
        // "POST /api/orders" reads better in a waterfall than the bare method; once routed, the
        // route's template ("POST /api/orders/:uuid") replaces the path.
        requestHook: (span, request) => {
          if ('url' in request && request.url) {
            span.updateName(`${request.method} ${request.url.split('?')[0]}`);
          }
        },
        applyCustomAttributesOnSpan: (span, request) => {
          const routed = request as { route?: { path?: unknown }; baseUrl?: string };
          if ('url' in request && typeof routed.route?.path === 'string') {
            const route = `${routed.baseUrl ?? ''}${routed.route.path}`;
            span.setAttribute('http.route', route);
            span.updateName(`${request.method} ${route}`);
          }
        },
      }),
      // A partner call reads "POST /shipments" rather than "POST".
      new UndiciInstrumentation({
        requestHook: (span, request) =>
          span.updateName(`${request.method} ${request.path.split('?')[0]}`),
      }),
      // Only inside a trace: a worker's blocking Redis reads and the relay's polling would
      // otherwise each start a trace of their own.
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
}

/** Exports what is buffered and stops; for a shutdown that should not lose the last spans. */
export async function stopTelemetry(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  await running?.shutdown();
}
