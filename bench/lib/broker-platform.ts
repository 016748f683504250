import {
  ConsoleLogger,
  DynamicModule,
  Inject,
  INestApplicationContext,
  Module,
  OnModuleInit,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  BrokerConnection,
  DEFAULT_REGISTRY_OPTIONS,
  DomainEvent,
  EventBus,
  PlatformModule,
} from '@pharmacy/platform';

/** The bench's event and its one subscriber: a no-op, so the figures are the transport's. */
export class BenchParcelSentEvent extends DomainEvent<{ n: number }> {
  static readonly type = 'bench.parcel-sent';
  static readonly version = 1;
}

export const BENCH_SUBSCRIBER = 'bench.count-parcel-when-sent';

type OnEvent = (event: BenchParcelSentEvent) => void;
const ON_EVENT = Symbol('ON_EVENT');

@Module({})
class BenchSubscriberModule implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    @Inject(ON_EVENT) private readonly onEvent: OnEvent,
  ) {}

  static with(onEvent: OnEvent): DynamicModule {
    return { module: BenchSubscriberModule, providers: [{ provide: ON_EVENT, useValue: onEvent }] };
  }

  onModuleInit(): void {
    this.bus.subscribe(BenchParcelSentEvent, BENCH_SUBSCRIBER, (event) => this.onEvent(event));
  }
}

export interface BrokerPlatformOptions {
  readonly databaseUrl: string;
  readonly poolSize: number;
  readonly brokerUrl: string;
  readonly namespace: string;
  readonly consume: boolean;
  readonly onEvent?: OnEvent;
  /** The relay's timer; the bench sets it out of the way when it drains by hand. */
  readonly pollIntervalMs?: number;
}

/** The platform in broker mode with the bench subscriber, default tuning, connected. */
export async function bootBrokerPlatform(
  options: BrokerPlatformOptions,
): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        database: { type: 'postgres', url: options.databaseUrl, poolSize: options.poolSize },
        eventBusBackend: 'broker',
        registry: {
          ...DEFAULT_REGISTRY_OPTIONS,
          pollIntervalMs: options.pollIntervalMs ?? DEFAULT_REGISTRY_OPTIONS.pollIntervalMs,
        },
        broker: {
          url: options.brokerUrl,
          namespace: options.namespace,
          prefetch: 8,
          heartbeatSeconds: 10,
          timeoutMs: 5000,
          consume: options.consume,
          retry: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 },
        },
      }),
      BenchSubscriberModule.with(options.onEvent ?? (() => undefined)),
    ],
  })
    .setLogger(new ConsoleLogger({ logLevels: ['fatal'] }))
    .compile();
  const app = await moduleRef.init();
  const deadline = Date.now() + 10_000;
  while (!app.get(BrokerConnection).current) {
    if (Date.now() > deadline) throw new Error(`RabbitMQ not reachable at ${options.namespace}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return app;
}
