import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  Provider,
} from '@nestjs/common';
import { DataSource, DataSourceOptions } from 'typeorm';
import { EventBus } from './events/event-bus';
import { InMemoryEventBus } from './events/in-memory-event-bus';
import { SubscriberInvoker } from './events/subscriber-invoker';
import { Subscriptions } from './events/subscriptions';
import { UnitOfWork } from './transactions/unit-of-work';
import { FaultPoints } from './faults/fault-points';
import { JOB_POLICY, JobPolicy } from './jobs/job-policy';

export type EventBusBackend = 'memory';

export interface PlatformOptions {
  readonly database: DataSourceOptions;
  /** `memory` (default): in-process delivery after commit. */
  readonly eventBusBackend?: EventBusBackend;
  readonly jobs?: JobPolicy;
}

const DEFAULT_JOB_POLICY: JobPolicy = {
  attempts: 5,
  backoffMs: 1000,
  retentionSeconds: 7 * 24 * 3600,
};

const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');

@Injectable()
class DataSourceLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The small platform every feature module stands on: the database, the unit of work with its
 * after-commit queue, the one event bus, and the retry policy of jobs. Global, so modules inject these without importing it.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: PLATFORM_OPTIONS, useValue: options },
      {
        provide: DataSource,
        useFactory: async () => new DataSource(options.database).initialize(),
      },
      DataSourceLifecycle,
      UnitOfWork,
      Subscriptions,
      SubscriberInvoker,
      InMemoryEventBus,
      { provide: EventBus, useExisting: InMemoryEventBus },
      { provide: JOB_POLICY, useValue: options.jobs ?? DEFAULT_JOB_POLICY },
      FaultPoints,
    ];
    return {
      module: PlatformModule,
      providers,
      exports: [DataSource, UnitOfWork, EventBus, Subscriptions, JOB_POLICY, FaultPoints],
    };
  }
}
