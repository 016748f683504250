import type { IncomingMessage, ServerResponse } from 'node:http';
import { PlatformMetrics } from './platform-metrics';

type RoutedRequest = IncomingMessage & { route?: { path?: string }; baseUrl?: string };

/**
 * Express middleware counting and timing every answered request. The route label is the matched
 * route's template (`/api/orders/:uuid`), never the raw path, so ids do not multiply the series;
 * a request no route matched is `unmatched`.
 */
export function httpMetrics(metrics: PlatformMetrics) {
  return (request: RoutedRequest, response: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const path = request.route?.path;
      const labels = {
        method: request.method ?? 'GET',
        route: path ? `${request.baseUrl ?? ''}${path}` : 'unmatched',
        status: String(response.statusCode),
      };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
