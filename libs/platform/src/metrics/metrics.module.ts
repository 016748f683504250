import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobMetricsCollector } from './job-metrics.collector';
import { METRICS_OPTIONS, MetricsOptions, MetricsServer } from './metrics-server';
import { PublicationBacklogCollector } from './publication-backlog.collector';

/**
 * Prometheus metrics of a process: the registry's backlog and deliveries, the job queues, and
 * (with `httpMetrics` mounted by the HTTP app) the HTTP traffic, served on their own port.
 */
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsOptions): DynamicModule {
    return {
      module: MetricsModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: METRICS_OPTIONS, useValue: options },
        MetricsServer,
        PublicationBacklogCollector,
        JobMetricsCollector,
      ],
      exports: [MetricsServer],
    };
  }
}
