import * as fs from 'node:fs';
import * as path from 'node:path';
import { BullRegistrar, WorkerHost } from '@nestjs/bullmq';
import { ConsoleLogger, DynamicModule, INestApplicationContext, Type } from '@nestjs/common';
import { DiscoveryService, ModulesContainer } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import * as contracts from '@pharmacy/contracts';
import {
  declaredPublications,
  DomainEvent,
  EventClass,
  PublicationRelay,
  Subscriptions,
} from '@pharmacy/platform';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { ApiModule } from '../../apps/api/src/api.module';
import { loadWorkerConfig } from '../../apps/worker/src/worker.config';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { scanContracts, sourceFiles } from './contract-sources';
import {
  buildCatalog,
  type AppRegistrations,
  type CatalogResult,
  type ContractClass,
} from './event-catalog';

/** Where the booted apps find PostgreSQL (their DataSource connects at boot) and Redis. */
export interface CatalogServices {
  readonly databaseUrl: string;
  readonly redisUrl: string;
}

export interface BootedApps {
  readonly api: INestApplicationContext;
  readonly worker: INestApplicationContext;
  close(): Promise<void>;
}

/**
 * `@Processor()` of @nestjs/bullmq stores its options under this key (`PROCESSOR_METADATA` in
 * its bull.constants.js, which the package does not export). Should it ever change, processors
 * stop being found, and {@link readRegistrations} says so instead of writing an empty table.
 */
const PROCESSOR_METADATA = 'bullmq:processor_metadata';

/**
 * Boots the API's and the worker's root modules exactly as the apps compose them, without an
 * HTTP server, and with the two providers that would start background work made inert: the
 * publication relay (its timer would deliver stored publications) and the BullMQ registrar
 * (it would start workers that take jobs off the queues). Nothing else is replaced, so every
 * `onModuleInit()` subscribes exactly as in production. The DataSource connects to PostgreSQL
 * and the queues' producers to Redis, but nothing is written to either.
 */
export async function bootApps(services: CatalogServices): Promise<BootedApps> {
  const env = appEnv(services);
  const api = await boot(ApiModule.forRoot(loadApiConfig(env)));
  try {
    const worker = await boot(WorkerModule.forRoot(loadWorkerConfig(env)));
    return {
      api,
      worker,
      async close() {
        await Promise.all([api.close(), worker.close()]);
      },
    };
  } catch (error) {
    await api.close();
    throw error;
  }
}

/** The settings the apps require, fixed so the catalog never depends on who runs it. */
function appEnv({ databaseUrl, redisUrl }: CatalogServices): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '2',
    RELAY_CONCURRENCY: '1',
    REDIS_URL: redisUrl,
    LOG_LEVEL: 'silent',
    // Required by the apps' configuration but never used here: no token is signed, no partner
    // is called (no job runs).
    JWT_SECRET: 'event-catalog-placeholder-never-signs-anything',
    ERX_BASE_URL: 'http://127.0.0.1:9',
    PHARMACY_BASE_URL: 'http://127.0.0.1:9',
  };
}

async function boot(root: DynamicModule): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({ imports: [root] })
    .overrideProvider(PublicationRelay)
    .useValue({ onApplicationBootstrap() {}, onApplicationShutdown() {}, drain: async () => 0 })
    .overrideProvider(BullRegistrar)
    .useValue({ onModuleInit() {}, register() {} })
    .setLogger(new ConsoleLogger({ logLevels: ['fatal'] }))
    .compile();
  // Runs every onModuleInit(): that is where the feature modules subscribe.
  return moduleRef.init();
}

/** What each booted app declares: subscriptions, queue processors and publishers. */
export function readRegistrations(apps: BootedApps): AppRegistrations[] {
  return [registrationsOf('api', apps.api), registrationsOf('worker', apps.worker)];
}

function registrationsOf(app: string, context: INestApplicationContext): AppRegistrations {
  const registrations = {
    app,
    subscriptions: context
      .get(Subscriptions)
      .all()
      .map(({ subscriber, eventClass, enqueues }) => ({
        subscriber,
        eventType: eventClass.type,
        eventClassName: eventClass.name,
        enqueues: [...enqueues],
      })),
    processors: [] as { queue: string; className: string }[],
    publishers: [] as { className: string; eventTypes: string[] }[],
  };
  const discovery = new DiscoveryService(context.get(ModulesContainer));
  const classes = new Set<Type>();
  for (const wrapper of discovery.getProviders()) {
    // As @nestjs/bullmq's own explorer does: factory and value providers have no useful metatype.
    const cls = (
      !wrapper.metatype || wrapper.inject ? wrapper.instance?.constructor : wrapper.metatype
    ) as Type | undefined;
    if (cls) classes.add(cls);
  }
  for (const cls of classes) {
    const options = Reflect.getMetadata(PROCESSOR_METADATA, cls) as { name?: string } | undefined;
    if (options?.name) {
      registrations.processors.push({ queue: options.name, className: cls.name });
    } else if (cls.prototype instanceof WorkerHost) {
      throw new Error(
        `${cls.name} extends WorkerHost but carries no "${PROCESSOR_METADATA}" metadata: ` +
          'has @nestjs/bullmq changed where @Processor() stores its queue name?',
      );
    }
    const published = declaredPublications(cls);
    if (published.length > 0) {
      registrations.publishers.push({
        className: cls.name,
        eventTypes: published.map((e) => e.type),
      });
    }
  }
  return registrations;
}

/** Class name -> the file that exports it, over every feature module's source. */
export function classFiles(repoRoot: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const lib of fs.readdirSync(path.join(repoRoot, 'libs')).filter((l) => l !== 'contracts')) {
    for (const file of sourceFiles(repoRoot, `libs/${lib}/src`)) {
      const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      for (const [, name] of text.matchAll(/^export (?:abstract )?class (\w+)/gm))
        files.set(name, file);
    }
  }
  return files;
}

/** Every event class exported by @pharmacy/contracts, with its runtime type and version. */
export function contractClasses(): ContractClass[] {
  return Object.values(contracts as Record<string, unknown>)
    .filter(
      (value): value is EventClass =>
        typeof value === 'function' && value.prototype instanceof DomainEvent,
    )
    .map((cls) => ({ className: cls.name, type: cls.type, version: cls.version }));
}

/** The catalog of the booted apps, checked against the source under `repoRoot`. */
export function collectCatalog(apps: BootedApps, repoRoot: string = findRepoRoot()): CatalogResult {
  return buildCatalog({
    contractClasses: contractClasses(),
    contracts: scanContracts(repoRoot),
    apps: readRegistrations(apps),
    classFiles: classFiles(repoRoot),
  });
}

/** The nearest directory holding package.json, from this file up (works from dist-docs too). */
export function findRepoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}
