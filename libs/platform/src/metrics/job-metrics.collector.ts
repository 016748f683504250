import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, Queue, Worker } from 'bullmq';
import { Gauge } from 'prom-client';
import { PlatformMetrics } from './platform-metrics';

const COUNTED_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
/** A scrape must answer even while Redis is away: its queue counts are then left out. */
const COUNT_TIMEOUT_MS = 1000;

/**
 * Jobs per queue and state, read from Redis at each scrape, for every BullMQ queue this process
 * registered; and, in a worker, each job attempt's duration and outcome as it ends.
 */
@Injectable()
export class JobMetricsCollector implements OnApplicationBootstrap {
  private readonly logger = new Logger('Metrics');

  constructor(
    private readonly metrics: PlatformMetrics,
    private readonly discovery: DiscoveryService,
  ) {}

  onApplicationBootstrap(): void {
    const instances = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance) => instance !== null && typeof instance === 'object');
    const queues = instances.filter((instance): instance is Queue => instance instanceof Queue);
    // @nestjs/bullmq keeps each processor's Worker on its host.
    const workers = instances
      .map((instance) => (instance as { _worker?: unknown })._worker)
      .filter((worker): worker is Worker => worker instanceof Worker);
    for (const worker of workers) this.timeJobs(worker);

    const jobs = new Gauge({
      name: 'pharmacy_jobs',
      help: 'Jobs by queue and state: waiting, active, delayed, failed',
      labelNames: ['queue', 'state'] as const,
      registers: [this.metrics.registry],
      collect: async () => {
        jobs.reset();
        await Promise.all(
          queues.map(async (queue) => {
            const counts = await withDeadline(queue.getJobCounts(...COUNTED_STATES)).catch(
              (error: Error) => {
                this.logger.warn(`Could not count the jobs of ${queue.name}: ${error.message}`);
                return undefined;
              },
            );
            for (const state of COUNTED_STATES) {
              if (counts) jobs.set({ queue: queue.name, state }, counts[state] ?? 0);
            }
          }),
        );
      },
    });
  }

  private timeJobs(worker: Worker): void {
    const observe = (job: Job | undefined, outcome: 'completed' | 'failed') => {
      if (!job?.processedOn) return;
      const seconds = ((job.finishedOn ?? Date.now()) - job.processedOn) / 1000;
      this.metrics.jobDuration.observe({ queue: worker.name, outcome }, seconds);
    };
    worker.on('completed', (job) => observe(job, 'completed'));
    worker.on('failed', (job) => observe(job, 'failed'));
  }
}

function withDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Redis did not answer in time')), COUNT_TIMEOUT_MS);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
