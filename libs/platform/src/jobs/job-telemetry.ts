import { BullMQOtel } from 'bullmq-otel';

/**
 * BullMQ's own OpenTelemetry hooks, for queues and workers alike: an add stores the active trace
 * context in the job, and the worker runs the job in a span that continues it. Without a started
 * SDK the spans are no-ops.
 */
export function jobTelemetry(): BullMQOtel {
  return new BullMQOtel({ tracerName: 'pharmacy-jobs' });
}
