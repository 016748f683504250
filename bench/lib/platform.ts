import { ConsoleLogger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DomainEvent, EventBus, EventBusBackend, PlatformModule } from '@pharmacy/platform';
import { BrokerConnection, DEFAULT_REGISTRY_OPTIONS } from '@pharmacy/platform/testing';
import { BROKER, POOL_SIZE } from './config';
import { until } from './stats';

/** The bench's event and its one subscriber, a no-op: the figures are the machinery's. */
export class BenchEvent extends DomainEvent<Record<string, unknown>> {
  static readonly type = 'bench.parcel-sent';
  static readonly version = 1;
}
export const BENCH_SUBSCRIBER = 'bench.count-parcel-when-sent';
/** The broker's retry queues, as the app's defaults; the bench deletes them after. */
export const BROKER_RETRY = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };

export interface PlatformOptions {
  readonly broker?: { url: string; namespace: string; consume: boolean };
  readonly onEvent?: (event: BenchEvent) => void;
  /** The relay's timer out of the way, for the rows that drain by hand and time it. */
  readonly manualRelay?: boolean;
}

/**
 * The platform alone, in the bench process (or a broker consumer's), on the bench's database
 * with the app's default tuning and the bench's subscriber.
 */
export async function bootPlatform(
  databaseUrl: string,
  backend: EventBusBackend,
  { broker, onEvent = () => undefined, manualRelay = false }: PlatformOptions = {},
) {
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        database: { type: 'postgres', url: databaseUrl, poolSize: POOL_SIZE },
        eventBusBackend: backend,
        registry: {
          ...DEFAULT_REGISTRY_OPTIONS,
          ...(manualRelay && { pollIntervalMs: 3_600_000 }),
        },
        broker: broker && {
          prefetch: BROKER.prefetch,
          heartbeatSeconds: 10,
          timeoutMs: 5000,
          retry: BROKER_RETRY,
          ...broker,
        },
      }),
      // Subscribed when the module is built, before the platform starts (a broker binds its queues).
      {
        module: class BenchSubscriberModule {},
        providers: [
          {
            provide: BENCH_SUBSCRIBER,
            inject: [EventBus],
            useFactory: (bus: EventBus) => bus.subscribe(BenchEvent, BENCH_SUBSCRIBER, onEvent),
          },
        ],
      },
    ],
  })
    .setLogger(new ConsoleLogger({ logLevels: ['fatal'] }))
    .compile();
  const app = await moduleRef.init();
  if (broker) {
    await until('RabbitMQ connected', async () => !!app.get(BrokerConnection).current, 10_000);
  }
  return app;
}
