import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';

/** Latency buckets in seconds, from a fast commit to a slow partner. */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * This process's Prometheus registry and the instruments the platform records into as work
 * happens. Gauges read at scrape time (backlog, queues) are added by the metrics module's
 * collectors. Every metric is described in docs/observability.md.
 */
@Injectable()
export class PlatformMetrics {
  readonly registry = new Registry();

  readonly deliveries = new Counter({
    name: 'pharmacy_event_deliveries_total',
    help: 'Deliveries of a publication to its subscriber, by outcome: completed, retrying, failed (given up)',
    labelNames: ['subscriber', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly deliveryDuration = new Histogram({
    name: 'pharmacy_event_delivery_duration_seconds',
    help: "A delivery's duration: the subscriber's transaction, or the failure's bookkeeping",
    labelNames: ['subscriber', 'outcome'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'pharmacy_job_duration_seconds',
    help: 'Time a job attempt ran in this worker, by queue and outcome (completed, failed)',
    labelNames: ['queue', 'outcome'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly httpRequests = new Counter({
    name: 'pharmacy_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'pharmacy_http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly reconcilerRepairs = new Counter({
    name: 'pharmacy_reconciler_repairs_total',
    help: 'Work the reconciler found stuck and repaired, by sweep and outcome (requeued, recorded-failure)',
    labelNames: ['sweep', 'outcome'] as const,
    registers: [this.registry],
  });

  /** Starts timing a delivery; call the result with its outcome. */
  deliveryStarted(subscriber: string): (outcome: 'completed' | 'retrying' | 'failed') => void {
    const stop = this.deliveryDuration.startTimer({ subscriber });
    return (outcome) => {
      stop({ outcome });
      this.deliveries.inc({ subscriber, outcome });
    };
  }
}
