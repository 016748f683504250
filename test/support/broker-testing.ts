import {
  ConsoleLogger,
  DynamicModule,
  Inject,
  INestApplicationContext,
  LogLevel,
  Module,
  OnModuleInit,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventBus, PlatformModule } from '@pharmacy/platform';
import { BrokerConnection } from '@pharmacy/platform/testing';
import { fastRegistry } from './registry-testing';
import { testBrokerUrl } from './broker';
import { testEnv } from './test-env';
import { waitFor } from './wait-for';

const SUBSCRIBE = Symbol('SUBSCRIBE');

/** A feature module made for one test: it subscribes in onModuleInit(), as real modules do. */
@Module({})
class TestSubscribersModule implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    @Inject(SUBSCRIBE) private readonly subscribe: (bus: EventBus) => void,
  ) {}

  static with(subscribe: (bus: EventBus) => void): DynamicModule {
    return {
      module: TestSubscribersModule,
      providers: [{ provide: SUBSCRIBE, useValue: subscribe }],
    };
  }

  onModuleInit(): void {
    this.subscribe(this.bus);
  }
}

export interface BrokerAppOptions {
  readonly namespace: string;
  readonly url?: string;
  readonly subscribe?: (bus: EventBus) => void;
  readonly consume?: boolean;
  readonly heartbeatSeconds?: number;
  readonly timeoutMs?: number;
}

/** The platform in broker mode, with the test's subscribers, on the real PostgreSQL and RabbitMQ. */
export async function bootBroker(options: BrokerAppOptions): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        database: { type: 'postgres', url: testEnv.databaseUrl, poolSize: 10 },
        eventBusBackend: 'broker',
        registry: fastRegistry(),
        broker: {
          url: options.url ?? testBrokerUrl,
          namespace: options.namespace,
          prefetch: 8,
          heartbeatSeconds: options.heartbeatSeconds ?? 1,
          timeoutMs: options.timeoutMs ?? 1500,
          consume: options.consume ?? true,
          retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 200 },
        },
      }),
      TestSubscribersModule.with(options.subscribe ?? (() => undefined)),
    ],
  })
    .setLogger(
      new ConsoleLogger({
        logLevels: (process.env.TEST_LOG_LEVELS ?? 'fatal').split(',') as LogLevel[],
      }),
    )
    .compile();
  const app = await moduleRef.init();
  if (!options.url) await connected(app); // through a proxy, the test decides when
  return app;
}

/** Resolves once the app's broker connection is up, with its topology declared and consumers on. */
export function connected(app: INestApplicationContext): Promise<true> {
  return waitFor('the broker connection', () => app.get(BrokerConnection).current !== undefined);
}
