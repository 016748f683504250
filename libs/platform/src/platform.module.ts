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

export type EventBusBackend = 'memory';

export interface PlatformOptions {
  readonly database: DataSourceOptions;
  /** `memory` (default): in-process delivery after commit. */
  readonly eventBusBackend?: EventBusBackend;
}

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
 * after-commit queue, and the one event bus. Global, so modules inject these without importing it.
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
    ];
    return {
      module: PlatformModule,
      providers,
      exports: [DataSource, UnitOfWork, EventBus, Subscriptions],
    };
  }
}
