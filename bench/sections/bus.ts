import { ConsoleLogger, INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule, EventBus as CqrsEventBus, EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { EventEmitter2, EventEmitterModule, OnEvent } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { DomainEvent, EventBus, PlatformModule, UnitOfWork } from '@pharmacy/platform';
import { EventEmitter } from 'node:events';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { BenchConfig } from '../lib/config';
import { rawTransaction } from '../lib/db';
import { Row } from '../lib/report';
import { Scale } from '../lib/scale';
import { sequential } from '../lib/stats';

/**
 * 1. Bus dispatch: publish one event to three async handlers and await all three, one event at
 * a time. Every variant builds a new event per publish and runs the same no-op handler body.
 */

let sink = 0;
const handlerBody = async (n: number): Promise<void> => {
  sink = (sink + n) % 1_000_003;
};

class BenchDispatchedEvent extends DomainEvent<{ n: number }> {
  static readonly type = 'bench.dispatched';
  static readonly version = 1;
}

/** The event of the framework baselines: a plain class, as @nestjs/cqrs expects. */
class PlainEvent {
  constructor(readonly n: number) {}
}

/** A @nestjs/cqrs event that resolves `done` once its three handlers have run. */
class CqrsBenchEvent {
  private remaining = 3;
  constructor(
    readonly n: number,
    private readonly done: () => void,
  ) {}

  handled(): void {
    if (--this.remaining === 0) this.done();
  }
}

@EventsHandler(CqrsBenchEvent)
class CqrsHandlerA implements IEventHandler<CqrsBenchEvent> {
  async handle(event: CqrsBenchEvent) {
    await handlerBody(event.n);
    event.handled();
  }
}
@EventsHandler(CqrsBenchEvent)
class CqrsHandlerB implements IEventHandler<CqrsBenchEvent> {
  async handle(event: CqrsBenchEvent) {
    await handlerBody(event.n);
    event.handled();
  }
}
@EventsHandler(CqrsBenchEvent)
class CqrsHandlerC implements IEventHandler<CqrsBenchEvent> {
  async handle(event: CqrsBenchEvent) {
    await handlerBody(event.n);
    event.handled();
  }
}

@Module({
  imports: [CqrsModule.forRoot()],
  providers: [CqrsHandlerA, CqrsHandlerB, CqrsHandlerC],
})
class CqrsBenchModule {}

@Injectable()
class EmitterListeners {
  @OnEvent('bench.dispatched')
  a(event: PlainEvent) {
    return handlerBody(event.n);
  }
  @OnEvent('bench.dispatched')
  b(event: PlainEvent) {
    return handlerBody(event.n);
  }
  @OnEvent('bench.dispatched')
  c(event: PlainEvent) {
    return handlerBody(event.n);
  }
}

@Module({ imports: [EventEmitterModule.forRoot()], providers: [EmitterListeners] })
class EmitterBenchModule {}

/** A unit of work that opens no transaction: what is left of the bus is its dispatch code. */
const noTransactions = {
  isActive: false,
  run: <T>(work: () => Promise<T>) => work(),
  afterCommit: async (work: () => unknown) => {
    await work();
  },
};

async function bootPlatform(
  config: BenchConfig,
  withDatabase: boolean,
): Promise<INestApplicationContext> {
  let builder = Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        database: { type: 'postgres', url: config.databaseUrl, poolSize: config.poolSize },
        eventBusBackend: 'memory',
      }),
    ],
  }).setLogger(new ConsoleLogger({ logLevels: ['fatal'] }));
  if (!withDatabase) {
    builder = builder
      .overrideProvider(DataSource)
      .useValue({ isInitialized: false })
      .overrideProvider(UnitOfWork)
      .useValue(noTransactions);
  }
  const moduleRef = await builder.compile();
  return moduleRef.init();
}

function subscribeThree(bus: EventBus): void {
  for (const name of ['first', 'second', 'third']) {
    bus.subscribe(BenchDispatchedEvent, `bench.${name}-handler`, (event) =>
      handlerBody(event.payload.n),
    );
  }
}

export async function busSection(config: BenchConfig, scale: Scale, log: (s: string) => void) {
  const run = (op: () => Promise<unknown>, durationMs = scale.busMs) =>
    sequential({ warmupMs: scale.busWarmupMs, durationMs, batch: 100, op });
  let n = 0;

  log('bus: node EventEmitter');
  const emitter = new EventEmitter();
  for (let i = 0; i < 3; i++) {
    emitter.on('e', (event: PlainEvent, pending: Promise<void>[]) => {
      pending.push(handlerBody(event.n));
    });
  }
  const node = await run(async () => {
    const pending: Promise<void>[] = [];
    emitter.emit('e', new PlainEvent(n++), pending);
    await Promise.all(pending);
  });

  log('bus: @nestjs/cqrs EventBus');
  const cqrsApp = await NestFactory.createApplicationContext(CqrsBenchModule, { logger: false });
  await cqrsApp.init();
  const cqrsBus = cqrsApp.get(CqrsEventBus);
  const cqrs = await run(
    () => new Promise<void>((resolve) => cqrsBus.publish(new CqrsBenchEvent(n++, resolve))),
  );
  await cqrsApp.close();

  log('bus: @nestjs/event-emitter emitAsync');
  const emitterApp = await NestFactory.createApplicationContext(EmitterBenchModule, {
    logger: false,
  });
  await emitterApp.init();
  const emitter2 = emitterApp.get(EventEmitter2);
  if (emitter2.listenerCount('bench.dispatched') !== 3) {
    throw new Error('@nestjs/event-emitter did not register the three listeners');
  }
  const ee2 = await run(() => emitter2.emitAsync('bench.dispatched', new PlainEvent(n++)));
  await emitterApp.close();

  log('bus: ours, pure dispatch (no-op unit of work)');
  const pureApp = await bootPlatform(config, false);
  const pureBus = pureApp.get(EventBus);
  subscribeThree(pureBus);
  const pure = await run(() => pureBus.publish(new BenchDispatchedEvent({ n: n++ })));
  await pureApp.close();

  log('bus: ours, in-memory backend on PostgreSQL (a transaction per handler)');
  const dbApp = await bootPlatform(config, true);
  const dbBus = dbApp.get(EventBus);
  subscribeThree(dbBus);
  const withDb = await run(
    () => dbBus.publish(new BenchDispatchedEvent({ n: n++ })),
    scale.busDbMs,
  );
  await dbApp.close();

  log('bus: raw pg, three empty transactions');
  const pool = new Pool({ connectionString: config.databaseUrl, max: config.poolSize });
  const rawEmpty = await run(async () => {
    for (let i = 0; i < 3; i++) await rawTransaction(pool, async () => undefined);
  }, scale.busDbMs);
  await pool.end();

  const perSecond = (value: number, note?: string) => ({ value, unit: 'ev/s', note });
  const rows: Row[] = [
    {
      id: '1a',
      section: 'bus',
      measure: 'Bus: our pure dispatch (InMemoryEventBus + SubscriberInvoker, no-op UoW)',
      result: perSecond(pure.perSecond),
      baselineName: '@nestjs/cqrs EventBus (publish, await 3 handlers)',
      baseline: perSecond(cqrs.perSecond),
      target: { kind: 'ratio-at-least', min: 1 },
    },
    {
      id: '1b',
      section: 'bus',
      measure: 'Bus: our pure dispatch',
      result: perSecond(pure.perSecond),
      baselineName: 'node EventEmitter (floor)',
      baseline: perSecond(node.perSecond),
    },
    {
      id: '1c',
      section: 'bus',
      measure: 'Bus: @nestjs/cqrs EventBus',
      result: perSecond(cqrs.perSecond),
      baselineName: 'node EventEmitter (floor)',
      baseline: perSecond(node.perSecond),
    },
    {
      id: '1d',
      section: 'bus',
      measure: 'Bus: @nestjs/event-emitter (EventEmitter2 emitAsync)',
      result: perSecond(ee2.perSecond),
      baselineName: 'node EventEmitter (floor)',
      baseline: perSecond(node.perSecond),
    },
    {
      id: '1e',
      section: 'bus',
      measure: 'Bus: our in-memory backend, publish outside a UoW (1 tx per handler)',
      result: perSecond(withDb.perSecond),
      baselineName: 'raw pg: 3 empty transactions per event',
      baseline: perSecond(rawEmpty.perSecond),
    },
  ];
  return {
    rows,
    details: { node, cqrs, eventEmitter2: ee2, pure, inMemoryWithDatabase: withDb, rawEmpty, sink },
  };
}
