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

  readonly deliveries = this.counter(
    'pharmacy_event_deliveries_total',
    'Deliveries of a publication to its subscriber, by outcome: completed, retrying, failed (given up)',
    ['subscriber', 'outcome'],
  );

  readonly deliveryDuration = this.histogram(
    'pharmacy_event_delivery_duration_seconds',
    "A delivery's duration: the subscriber's transaction, or the failure's bookkeeping",
    ['subscriber', 'outcome'],
  );

  readonly jobDuration = this.histogram(
    'pharmacy_job_duration_seconds',
    'Time a job attempt ran in this worker, by queue and outcome (completed, failed)',
    ['queue', 'outcome'],
  );

  readonly httpRequests = this.counter(
    'pharmacy_http_requests_total',
    'HTTP requests answered, by method, route template and status code',
    ['method', 'route', 'status'],
  );

  readonly httpDuration = this.histogram(
    'pharmacy_http_request_duration_seconds',
    'Time from a request arriving to its answer being sent, by method, route and status',
    ['method', 'route', 'status'],
  );

  readonly reconcilerRepairs = this.counter(
    'pharmacy_reconciler_repairs_total',
    'Work the reconciler found stuck and repaired, by sweep and outcome (requeued, recorded-failure)',
    ['sweep', 'outcome'],
  );

  /** Starts timing a delivery; call the result with its outcome. */
  deliveryStarted(subscriber: string): (outcome: 'completed' | 'retrying' | 'failed') => void {
    const stop = this.deliveryDuration.startTimer({ subscriber });
    return (outcome) => {
      stop({ outcome });
      this.deliveries.inc({ subscriber, outcome });
    };
  }

  private counter<L extends string>(name: string, help: string, labelNames: readonly L[]) {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  private histogram<L extends string>(name: string, help: string, labelNames: readonly L[]) {
    return new Histogram({ name, help, labelNames, buckets: SECONDS, registers: [this.registry] });
  }
}
