import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BullRegistrar } from '@nestjs/bullmq';
import { ConsoleLogger, DynamicModule, INestApplicationContext, Type } from '@nestjs/common';
import { DiscoveryService, ModulesContainer } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import ts from 'typescript';
import * as contracts from '@pharmacy/contracts';
import {
  declaredPublications,
  DomainEvent,
  PublicationRelay,
  Subscriptions,
} from '@pharmacy/platform';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { ApiModule } from '../../apps/api/src/api.module';
import { loadWorkerConfig } from '../../apps/worker/src/worker.config';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { buildCatalog } from './event-catalog';

/**
 * Reads what the code declares: the subscriptions, `@Processor` queues and `@Publishes` events of
 * the booted API and worker apps, and each event contract's TSDoc and payload from its source.
 */
export type BootedApps = Awaited<ReturnType<typeof bootApps>>;
export type Declarations = ReturnType<typeof readDeclarations>;
export type Contract = ReturnType<typeof readContracts>[number];
export type Schema = {
  type?: string;
  title?: string;
  description?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
};

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
  const classes = apps.flatMap(([, context]) => providerClasses(context));
  return {
    apps: apps.map(([app]) => app),
    subscriptions: apps.flatMap(([app, context]) =>
      context
        .get(Subscriptions)
        .all()
        .map(({ subscriber, eventClass, enqueues }) => ({
          app,
          subscriber,
          eventType: eventClass.type,
          enqueues,
        })),
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
    return cls && module ? [{ className: cls.name, module, cls }] : [];
  });
}

/** Every event class @pharmacy/contracts exports, with the TSDoc and payload of its source. */
export function readContracts() {
  const [root, dir] = [findRepoRoot(), 'libs/contracts/src'];
  const declared = new Map<string, { file: string; description: string; payload: Schema }>();
  const names = fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' });
  for (const name of names) {
    const file = `${dir}/${name.split(path.sep).join('/')}`;
    if (!file.endsWith('.event.ts')) continue;
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const interfaces = source.statements.filter(ts.isInterfaceDeclaration);
    for (const node of source.statements.filter(ts.isClassDeclaration)) {
      const base = node.heritageClauses?.[0].types[0];
      const payload = base?.expression.getText() === 'DomainEvent' && base.typeArguments?.[0];
      if (node.name && payload) {
        const description = docOf(node);
        declared.set(node.name.text, { file, description, payload: schemaOf(payload, interfaces) });
      }
    }
  }
  return Object.values(contracts)
    .filter((value) => typeof value === 'function' && value.prototype instanceof DomainEvent)
    .map(({ name, type, version }) => {
      const source = declared.get(name);
      if (source) return { className: name, type, version, ...source };
      throw new Error(`No ${dir}/**/*.event.ts has "class ${name} extends DomainEvent<{...}>".`);
    });
}

/** A payload type as JSON Schema: primitives, arrays, object literals and this file's interfaces. */
function schemaOf(node: ts.TypeNode, interfaces: readonly ts.InterfaceDeclaration[]): Schema {
  const text = node.getText();
  if (ts.isTypeOperatorNode(node)) return schemaOf(node.type, interfaces); // readonly T[]
  if (ts.isArrayTypeNode(node))
    return { type: 'array', items: schemaOf(node.elementType, interfaces) };
  if (['string', 'number', 'boolean'].includes(text)) return { type: text };
  const named = interfaces.find((declaration) => declaration.name.text === text);
  const members = ts.isTypeLiteralNode(node) ? node.members : named?.members;
  if (!members) {
    throw new Error(
      `${node.getSourceFile().fileName}: a payload holds primitives, arrays and objects of them ` +
        `(ADR 0002), not "${text}"; declare such an object as an interface in the same file.`,
    );
  }
  const [properties, required]: [Record<string, Schema>, string[]] = [{}, []];
  for (const member of members.filter(ts.isPropertySignature)) {
    const [name, description] = [member.name.getText(), docOf(member)];
    properties[name] = {
      ...schemaOf(member.type!, interfaces),
      ...(description && { description }),
    };
    if (!member.questionToken) required.push(name);
  }
  return { ...(named && { title: text }), type: 'object', properties, required };
}

/** A declaration's TSDoc, on one line. */
function docOf(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  return docs
    .map((doc) => ts.getTextOfJSDocComment(doc.comment))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The catalog of the booted apps. */
export function collectCatalog(apps: BootedApps) {
  return buildCatalog(readDeclarations(apps), readContracts());
}

/** The nearest directory holding package.json, from here up (this also runs from dist-docs). */
export function findRepoRoot(dir: string = __dirname): string {
  return fs.existsSync(path.join(dir, 'package.json')) ? dir : findRepoRoot(path.dirname(dir));
}
