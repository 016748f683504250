import 'reflect-metadata';
import { BullRegistrar } from '@nestjs/bullmq';
import { ConsoleLogger, DynamicModule, INestApplicationContext, Type } from '@nestjs/common';
import { DiscoveryService, ModulesContainer } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { declaredPublications, PublicationRelay, Subscriptions } from '@pharmacy/platform/testing';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { ApiModule } from '../../apps/api/src/api.module';
import { loadWorkerConfig } from '../../apps/worker/src/worker.config';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** What the booted API and worker apps declare: subscriptions, `@Processor`s, `@Publishes`. */
export type BootedApps = Awaited<ReturnType<typeof bootApps>>;
export type Declarations = ReturnType<typeof readDeclarations>;

/**
 * Boots both apps' root modules as the apps compose them, without an HTTP server, the publication
 * relay or BullMQ's workers. Every onModuleInit() runs, so every module subscribes as in
 * production. PostgreSQL and Redis are connected to, never written.
 */
export async function bootApps(databaseUrl: string, redisUrl: string) {
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    // Required by the apps' configuration; nothing here signs a token or calls a partner.
    JWT_SECRET: 'event-catalog-placeholder-never-signs-anything',
    ERX_BASE_URL: 'http://127.0.0.1:9',
    PHARMACY_BASE_URL: 'http://127.0.0.1:9',
  };
  const api = await boot(ApiModule.forRoot(loadApiConfig(env)));
  const worker = await boot(WorkerModule.forRoot(loadWorkerConfig(env))).catch(async (error) => {
    await api.close();
    throw error;
  });
  return { api, worker, close: () => Promise.all([api.close(), worker.close()]) };
}

async function boot(root: DynamicModule): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({ imports: [root] })
    .overrideProvider(PublicationRelay)
    .useValue({ onApplicationBootstrap() {}, onApplicationShutdown() {} })
    .overrideProvider(BullRegistrar)
    .useValue({ onModuleInit() {}, register() {} })
    .setLogger(new ConsoleLogger({ logLevels: ['fatal'] }))
    .compile();
  return moduleRef.init();
}

export function readDeclarations({ api, worker }: BootedApps) {
  const apps = Object.entries({ api, worker });
  // Both apps hold most modules: one entry per class. Sorted, so the catalog is too.
  const classes = [...new Map(apps.flatMap(([, context]) => providerClasses(context))).values()];
  classes.sort((a, b) => (a.className < b.className ? -1 : 1));
  return {
    apps: apps.map(([app]) => app),
    subscriptions: apps.flatMap(([app, context]) =>
      context
        .get(Subscriptions)
        .all()
        .map((subscription) => ({ app, ...subscription })),
    ),
    // @nestjs/bullmq keeps `@Processor(queue)` under this key (its constants are not exported).
    processors: classes.flatMap(({ className, module, cls }) => {
      const { name } = Reflect.getMetadata('bullmq:processor_metadata', cls) ?? {};
      return typeof name === 'string' ? [{ className, module, queue: name }] : [];
    }),
    publishers: classes.flatMap(({ className, module, cls }) =>
      declaredPublications(cls).map(({ type }) => ({ className, module, eventType: type })),
    ),
  };
}

/** A booted app's provider classes, each with its module (`orders` for OrdersWorkerModule). */
function providerClasses(context: INestApplicationContext) {
  return new DiscoveryService(context.get(ModulesContainer)).getProviders().flatMap((wrapper) => {
    // As @nestjs/bullmq's explorer does: factory and value providers have no useful metatype.
    const cls: Type | undefined =
      !wrapper.metatype || wrapper.inject ? wrapper.instance?.constructor : wrapper.metatype;
    const module = wrapper.host?.metatype.name.replace(/(Worker)?Module$/, '').toLowerCase();
    return cls && module ? [[cls, { className: cls.name, module, cls }] as const] : [];
  });
}
