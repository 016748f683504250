import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  Optional,
  Provider,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DataSource, DataSourceOptions } from 'typeorm';
import { JobWorkersDrain } from './lifecycle/job-workers-drain';
import { ShutdownState } from './lifecycle/shutdown-state';
import { brokerProviders } from './events/broker/broker-providers';
import type { BrokerOptions } from './events/broker/broker-options';
import { EventBus } from './events/event-bus';
import { InMemoryEventBus } from './events/in-memory-event-bus';
import { DeliveryLanes } from './events/registry/delivery-lanes';
import { PublicationDispatcher } from './events/registry/publication-dispatcher';
import { PublicationRelay } from './events/registry/publication-relay';
import { PublicationQueries } from './events/registry/publication-queries';
import { PublicationStore } from './events/registry/publication-store';
import { RegistryEventBus } from './events/registry/registry-event-bus';
import {
  DEFAULT_REGISTRY_OPTIONS,
  REGISTRY_OPTIONS,
  RegistryOptions,
} from './events/registry/registry-options';
import { SubscriberInvoker } from './events/subscriber-invoker';
import { Subscriptions } from './events/subscriptions';
import { DEFAULT_JOB_POLICY, JOB_POLICY, JobPolicy } from './jobs/job-policy';
import { PlatformMetrics } from './metrics/platform-metrics';
import { TelemetryShutdown } from './telemetry/telemetry-shutdown';
import { UnitOfWork } from './transactions/unit-of-work';
import { Reconciler } from './reconciliation/reconciler';
import {
  DEFAULT_RECONCILER_OPTIONS,
  RECONCILER_OPTIONS,
  ReconcilerOptions,
} from './reconciliation/reconciliation-sweep';

/**
 * `registry` (default): durable; every publication is recorded in the publishing transaction and
 * retried until its subscriber succeeds. `memory`: in-process after commit; lost on a crash.
 * `broker`: recorded the same way, then handed to RabbitMQ; subscribers consume their queues.
 */
export type EventBusBackend = 'registry' | 'memory' | 'broker';

export interface PlatformOptions {
  readonly database: DataSourceOptions;
  readonly eventBusBackend?: EventBusBackend;
  readonly registry?: RegistryOptions;
  /** Required when `eventBusBackend` is `broker`. */
  readonly broker?: BrokerOptions;
  readonly jobs?: JobPolicy;
  readonly reconciler?: ReconcilerOptions;
}

@Injectable()
class DataSourceLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Optional() private readonly lanes?: DeliveryLanes,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // Requests that finished draining after the lanes first drained may have started deliveries.
    await this.lanes?.drain();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The small platform every feature module stands on: the database, the unit of work with its
 * after-commit queue, the one event bus, and the retry policy of jobs. Global, so modules inject
 * these without importing it.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const backend = options.eventBusBackend ?? 'registry';
    const common: Provider[] = [
      {
        provide: DataSource,
        useFactory: async () => new DataSource(options.database).initialize(),
      },
      DataSourceLifecycle,
      UnitOfWork,
      Subscriptions,
      SubscriberInvoker,
      { provide: JOB_POLICY, useValue: options.jobs ?? DEFAULT_JOB_POLICY },
      { provide: REGISTRY_OPTIONS, useValue: options.registry ?? DEFAULT_REGISTRY_OPTIONS },
      PublicationStore,
      PublicationQueries,
      {
        provide: RECONCILER_OPTIONS,
        useValue: options.reconciler ?? DEFAULT_RECONCILER_OPTIONS,
      },
      Reconciler,
      ShutdownState,
      JobWorkersDrain,
      PlatformMetrics,
      TelemetryShutdown,
    ];
    const broker = backend === 'broker' ? brokerProviders(required(options.broker)) : undefined;
    const bus: Provider[] = broker
      ? broker.providers
      : backend === 'registry'
        ? [
            PublicationDispatcher,
            DeliveryLanes,
            PublicationRelay,
            RegistryEventBus,
            { provide: EventBus, useExisting: RegistryEventBus },
          ]
        : [InMemoryEventBus, { provide: EventBus, useExisting: InMemoryEventBus }];
    return {
      module: PlatformModule,
      imports: [DiscoveryModule],
      providers: [...common, ...bus],
      exports: [
        DataSource,
        UnitOfWork,
        EventBus,
        Subscriptions,
        JOB_POLICY,
        PublicationStore,
        PublicationQueries,
        Reconciler,
        ShutdownState,
        PlatformMetrics,
        ...(broker?.exports ?? []),
      ],
    };
  }
}

function required(options: BrokerOptions | undefined): BrokerOptions {
  if (!options) throw new Error('The broker backend needs broker options');
  return options;
}
