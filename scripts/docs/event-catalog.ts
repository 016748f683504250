/**
 * The event catalog: its model, how it is assembled and checked from what the booted apps
 * declare plus what the contracts' source says, and how it is rendered to Markdown. Everything here is
 * pure (no Nest, no file system), so the generator and its test render the same bytes.
 */

// ---------------------------------------------------------------------------------------------
// Inputs

/** An event class exported by `@pharmacy/contracts`, as the runtime sees it. */
export interface ContractClass {
  readonly className: string;
  readonly type: string;
  readonly version: number;
}

/** One `EventBus.subscribe(...)` of a booted app, read back from its `Subscriptions`. */
export interface RegisteredSubscription {
  readonly subscriber: string;
  readonly eventType: string;
  readonly eventClassName: string;
  readonly enqueues: readonly string[];
}

/** What a booted app declares: its subscriptions, `@Processor(queue)` and `@Publishes(...)` providers. */
export interface AppRegistrations {
  /** `api` or `worker`. */
  readonly app: string;
  readonly subscriptions: readonly RegisteredSubscription[];
  readonly processors: readonly { readonly queue: string; readonly className: string }[];
  readonly publishers: readonly {
    readonly className: string;
    readonly eventTypes: readonly string[];
  }[];
}

export interface PayloadField {
  /** `orderUuid`, `items[].orderItemUuid`, `address.city`. */
  readonly path: string;
  readonly type: string;
  readonly optional: boolean;
  /** The field's own TSDoc, if any. */
  readonly description: string;
}

/** A class extending `DomainEvent` under `libs/contracts/src`. */
export interface ContractSource {
  readonly className: string;
  readonly file: string;
  /** `<module>` of `libs/contracts/src/<module>/x.event.ts`; null when not in such a folder. */
  readonly module: string | null;
  readonly description: string | null;
  /** null when `DomainEvent` is extended without a payload type argument. */
  readonly payload: readonly PayloadField[] | null;
}

export interface CatalogInput {
  readonly contractClasses: readonly ContractClass[];
  readonly contracts: readonly ContractSource[];
  readonly apps: readonly AppRegistrations[];
  /** Class name -> the file under `libs/<module>/src` that declares it. */
  readonly classFiles: ReadonlyMap<string, string>;
}

// ---------------------------------------------------------------------------------------------
// The catalog

/** A class of a module: a publisher or a processor. */
export interface ModuleClass {
  readonly className: string;
  readonly module: string;
  readonly file: string;
}

export interface CatalogSubscriber {
  readonly name: string;
  readonly module: string;
  readonly enqueues: readonly string[];
}

export interface CatalogEvent {
  readonly type: string;
  readonly version: number;
  readonly className: string;
  readonly file: string;
  /** The module that owns the contract (its folder under `libs/contracts/src`). */
  readonly module: string;
  readonly description: string;
  readonly payload: readonly PayloadField[];
  /** The classes that declare `@Publishes(<className>)`. */
  readonly publishers: readonly ModuleClass[];
  readonly subscribers: readonly CatalogSubscriber[];
}

export interface CatalogQueue {
  readonly name: string;
  readonly enqueuedBy: readonly { readonly subscriber: string; readonly eventType: string }[];
  readonly processors: readonly ModuleClass[];
}

export interface CatalogModule {
  readonly name: string;
  readonly publishes: readonly string[];
  readonly subscribesTo: readonly string[];
  readonly enqueues: readonly string[];
  readonly processes: readonly string[];
}

export interface EventCatalog {
  readonly events: readonly CatalogEvent[];
  readonly queues: readonly CatalogQueue[];
  readonly modules: readonly CatalogModule[];
}

export interface CatalogResult {
  readonly catalog: EventCatalog;
  /** Each one is a reason to fail: the code and the contracts disagree. Sorted. */
  readonly problems: readonly string[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (values: Iterable<string>) => [...new Set(values)].sort(byString);
const byModuleAndClass = (a: ModuleClass, b: ModuleClass) =>
  byString(a.module, b.module) || byString(a.className, b.className);
const moduleOfSubscriber = (subscriber: string) => subscriber.split('.')[0];
const sameList = (a: readonly string[], b: readonly string[]) =>
  sorted(a).join('\n') === sorted(b).join('\n');

/** Joins what the apps declare with the contracts' source, and lists every disagreement found. */
export function buildCatalog(input: CatalogInput): CatalogResult {
  const { contractClasses, contracts, apps, classFiles } = input;
  const problems: string[] = [];
  /** The module and file of a class the apps registered, or a problem if no source declares it. */
  const locate = (className: string, what: string): ModuleClass | undefined => {
    const file = classFiles.get(className);
    if (file) return { className, module: file.split('/')[1], file };
    problems.push(`${what} ${className}, but no libs/*/src file exports that class.`);
  };

  // Contracts: the runtime says what is exported, with its type and version; the source says
  // where it lives and what it carries.
  const sourceByClass = new Map(contracts.map((source) => [source.className, source]));
  const exported = new Set(contractClasses.map((cls) => cls.className));
  for (const source of contracts.filter(({ className }) => !exported.has(className))) {
    problems.push(
      `${source.className} (${source.file}) extends DomainEvent but is not exported from ` +
        'libs/contracts/src/index.ts: export it, or delete it.',
    );
  }
  const classByType = new Map<string, string>();
  for (const cls of contractClasses) {
    const other = classByType.get(cls.type);
    if (other) problems.push(`${other} and ${cls.className} both declare the type "${cls.type}".`);
    classByType.set(cls.type, cls.className);
  }

  // Subscriptions: every app must register the same ones (a publishing process records one
  // publication per subscriber it knows, so a subscriber missing from one app misses events).
  const subscriptions = new Map<string, RegisteredSubscription>();
  const appsOf = new Map<string, string[]>();
  for (const { app, subscriptions: registered } of apps) {
    for (const subscription of registered) {
      const known = subscriptions.get(subscription.subscriber);
      if (
        known &&
        (known.eventType !== subscription.eventType ||
          !sameList(known.enqueues, subscription.enqueues))
      ) {
        problems.push(
          `Subscriber "${subscription.subscriber}" is registered differently by the ` +
            `${appsOf.get(subscription.subscriber)!.join(' and ')} and the ${app} apps.`,
        );
      }
      if (!known) subscriptions.set(subscription.subscriber, subscription);
      appsOf.set(subscription.subscriber, [...(appsOf.get(subscription.subscriber) ?? []), app]);
      if (!classByType.has(subscription.eventType)) {
        problems.push(
          `Subscriber "${subscription.subscriber}" listens to ${subscription.eventClassName} ` +
            `("${subscription.eventType}"), which is not an event contract exported by @pharmacy/contracts.`,
        );
      }
    }
  }
  const appNames = sorted(apps.map(({ app }) => app));
  for (const [subscriber, registeredIn] of appsOf) {
    const missing = appNames.filter((app) => !registeredIn.includes(app));
    if (missing.length > 0) {
      problems.push(
        `Subscriber "${subscriber}" is registered by the ${sorted(registeredIn).join(', ')} app ` +
          `but not by the ${missing.join(', ')} app: both apps must import the same feature ` +
          'modules, or events published there never reach it.',
      );
    }
  }

  // Publishers: the providers' `@Publishes(...)`, by event type (either app may hold one).
  const publishersOf = new Map<string, Map<string, ModuleClass>>();
  for (const { className, eventTypes } of apps.flatMap(({ publishers }) => publishers)) {
    const publisher = locate(className, `@Publishes is declared on`);
    for (const type of publisher ? eventTypes : []) {
      publishersOf.set(type, (publishersOf.get(type) ?? new Map()).set(className, publisher!));
    }
  }

  // Events.
  const events: CatalogEvent[] = [];
  for (const cls of [...contractClasses].sort((a, b) => byString(a.type, b.type))) {
    const source = sourceByClass.get(cls.className);
    if (!source) {
      problems.push(
        `${cls.className} is exported by @pharmacy/contracts, but no class ${cls.className} ` +
          'extending DomainEvent<Payload> was found under libs/contracts/src.',
      );
      continue;
    }
    const module = source.module ?? '(none)';
    if (!source.module) {
      problems.push(
        `${cls.className} (${source.file}) must live in libs/contracts/src/<publishing-module>/.`,
      );
    } else if (!cls.type.startsWith(`${source.module}.`)) {
      problems.push(
        `${cls.className} has the type "${cls.type}" but lives in libs/contracts/src/${source.module}/: ` +
          `its type must start with "${source.module}.".`,
      );
    }
    if (!source.description) {
      problems.push(
        `${cls.className} (${source.file}) has no TSDoc comment: describe the event in one line ` +
          'above the class.',
      );
    }
    if (!source.payload) {
      problems.push(
        `${cls.className} (${source.file}) extends DomainEvent without a payload type.`,
      );
    }
    const publishers = [...(publishersOf.get(cls.type)?.values() ?? [])].sort(byModuleAndClass);
    if (source.module && !publishers.some((publisher) => publisher.module === source.module)) {
      problems.push(
        `${cls.className} ("${cls.type}") belongs to the ${source.module} module, but no provider ` +
          `in libs/${source.module}/src declares @Publishes(${cls.className}): declare it on the ` +
          'use case that publishes it, or remove the contract.',
      );
    }
    for (const publisher of publishers.filter(({ module }) => module !== source.module)) {
      problems.push(
        `${publisher.file} publishes ${cls.className}, but that event belongs to the ` +
          `${source.module} module (libs/contracts/src/${source.module}/): a module publishes ` +
          'only its own events.',
      );
    }
    events.push({
      type: cls.type,
      version: cls.version,
      className: cls.className,
      file: source.file,
      module,
      description: source.description ?? '',
      payload: source.payload ?? [],
      publishers,
      subscribers: [...subscriptions.values()]
        .filter((subscription) => subscription.eventType === cls.type)
        .map(({ subscriber, enqueues }) => ({
          name: subscriber,
          module: moduleOfSubscriber(subscriber),
          enqueues: sorted(enqueues),
        }))
        .sort((a, b) => byString(a.name, b.name)),
    });
  }

  // Queues: who enqueues (the subscribers' `enqueues`), who processes (`@Processor` providers).
  // Every queue needs both: jobs nobody takes never run, and a processor nobody feeds is either
  // dead code or fed by a subscriber that does not declare it.
  const processorsOf = new Map<string, Map<string, ModuleClass>>();
  for (const { queue, className } of apps.flatMap(({ processors }) => processors)) {
    const processor = locate(className, `The processor of the queue "${queue}" is`);
    if (processor)
      processorsOf.set(queue, (processorsOf.get(queue) ?? new Map()).set(className, processor));
  }
  const enqueuedBy = new Map<string, { subscriber: string; eventType: string }[]>();
  for (const event of events) {
    for (const { name, enqueues } of event.subscribers) {
      for (const queue of enqueues) {
        enqueuedBy.set(queue, [
          ...(enqueuedBy.get(queue) ?? []),
          { subscriber: name, eventType: event.type },
        ]);
      }
    }
  }
  for (const [queue, by] of enqueuedBy) {
    if (!processorsOf.has(queue)) {
      problems.push(
        `${by.map(({ subscriber }) => `"${subscriber}"`).join(', ')} enqueue jobs on "${queue}", ` +
          'but no app registers a @Processor for that queue: its jobs would never run.',
      );
    }
  }
  for (const [queue, processors] of processorsOf) {
    if (!enqueuedBy.has(queue)) {
      problems.push(
        `${[...processors.keys()].join(', ')} processes the queue "${queue}", but no subscriber ` +
          `declares that it enqueues there: add { enqueues: [...] } to the subscription that does.`,
      );
    }
  }
  const queues: CatalogQueue[] = sorted([...enqueuedBy.keys(), ...processorsOf.keys()]).map(
    (name) => ({
      name,
      enqueuedBy: [...(enqueuedBy.get(name) ?? [])].sort((a, b) =>
        byString(a.subscriber, b.subscriber),
      ),
      processors: [...(processorsOf.get(name)?.values() ?? [])].sort(byModuleAndClass),
    }),
  );

  // Modules: everything above, per module.
  const moduleNames = sorted([
    ...events.map((event) => event.module),
    ...events.flatMap((event) => event.publishers.map((publisher) => publisher.module)),
    ...events.flatMap((event) => event.subscribers.map((subscriber) => subscriber.module)),
    ...queues.flatMap((queue) => queue.processors.map((processor) => processor.module)),
  ]).filter((name) => name !== '(none)');
  const modules: CatalogModule[] = moduleNames.map((name) => ({
    name,
    publishes: sorted(events.filter((event) => event.module === name).map((event) => event.type)),
    subscribesTo: sorted(
      events
        .filter((event) => event.subscribers.some((subscriber) => subscriber.module === name))
        .map((event) => event.type),
    ),
    enqueues: sorted(
      events.flatMap((event) =>
        event.subscribers
          .filter((subscriber) => subscriber.module === name)
          .flatMap((subscriber) => subscriber.enqueues),
      ),
    ),
    processes: sorted(
      queues
        .filter((queue) => queue.processors.some((processor) => processor.module === name))
        .map((queue) => queue.name),
    ),
  }));

  return { catalog: { events, queues, modules }, problems: sorted(problems) };
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Where the catalog is written, relative to the repository root. */
export const CATALOG_PATH = 'docs/events.md';

const code = (text: string) => `\`${text}\``;
/** Table cells: no pipe may end the cell early, no newline may end the row. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
/** A link from docs/events.md to a repository file. */
const fileLink = (file: string, text = code(file)) => `[${text}](../${file})`;
const eventLink = (type: string) => `[${code(type)}](#${anchor(type)})`;
const list = (items: readonly string[], empty = '—') =>
  items.length > 0 ? items.join(', ') : empty;
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

/** The whole of docs/events.md. Deterministic: same catalog, same bytes. */
export function renderCatalog(catalog: EventCatalog): string {
  const { events, queues, modules } = catalog;
  const subscriberCount = events.reduce((count, event) => count + event.subscribers.length, 0);
  const lines: string[] = [
    '# Event catalog',
    '',
    '<!-- Generated by scripts/docs/generate-event-catalog.ts: do not edit by hand. -->',
    '',
    '> **Generated from the code; do not edit by hand.** Regenerate it with `npm run docs:events`.',
    '> CI runs `npm run docs:events -- --check`, which fails while this file is stale.',
    '',
    'How modules talk: every event contract in `libs/contracts/src/<module>/`, who publishes it, who',
    'subscribes to it, and the jobs those subscribers enqueue. Subscribers and queue processors are',
    'read from the API and worker apps as they boot (the `EventBus.subscribe(...)` calls of each',
    "module's `onModuleInit()`, the `@Processor` providers, and the `@Publishes(…)` each use case",
    'declares); payloads and descriptions come from the contract classes.',
    '',
    'Over RabbitMQ (`EVENT_BUS_BACKEND=broker`) each event type below is a routing key on the',
    '`<namespace>.events` topic exchange and each subscriber a queue `<namespace>.<subscriber>`; the',
    'messages are CloudEvents 1.0. The same registrations, machine-readable, are',
    '[`asyncapi.json`](asyncapi.json) (AsyncAPI 3.0, also served at `/api/docs-asyncapi.json`).',
    '',
    `${plural(events.length, 'event')}, ${plural(subscriberCount, 'subscriber')}, ` +
      `${plural(queues.length, 'queue')}, ${plural(modules.length, 'module')}.`,
    '',
    '## Contents',
    '',
    '- [Overview](#overview)',
    '- [Modules](#modules)',
    '- [Events](#events)',
    ...events.map((event) => `  - ${eventLink(event.type)}`),
    '- [Queues](#queues)',
    '',
    '## Overview',
    '',
    'Modules publish events; subscribers in other modules (or the same one) react, and some enqueue',
    'jobs that a module processes in the worker.',
    '',
    ...renderDiagram(catalog),
    '',
    '## Modules',
    '',
    ...table(
      ['Module', 'Publishes', 'Subscribes to', 'Enqueues', 'Processes'],
      modules.map((module) => [
        `**${module.name}**`,
        list(module.publishes.map(eventLink)),
        list(module.subscribesTo.map(eventLink)),
        list(module.enqueues.map(code)),
        list(module.processes.map(code)),
      ]),
    ),
    '',
    '## Events',
  ];

  for (const event of events) {
    lines.push(
      '',
      `### ${event.type}`,
      '',
      event.description || '_No description._',
      '',
      `- **Version:** ${event.version}`,
      `- **Contract:** ${fileLink(event.file, code(event.className))} (${event.module} module)`,
      `- **Published by:** ${publishers(event)}`,
      '',
      '**Payload**',
      '',
    );
    if (event.payload.length === 0) {
      lines.push('_No fields._');
    } else {
      // The description column only when some field has its own TSDoc.
      const described = event.payload.some((field) => field.description);
      lines.push(
        ...table(
          described ? ['Field', 'Type', 'Description'] : ['Field', 'Type'],
          event.payload.map((field) => [
            code(field.optional ? `${field.path}?` : field.path),
            code(field.type),
            ...(described ? [field.description] : []),
          ]),
        ),
      );
    }
    lines.push('', '**Subscribers**', '');
    if (event.subscribers.length === 0) {
      lines.push('_None._');
    } else {
      lines.push(
        ...table(
          ['Subscriber', 'Module', 'Enqueues'],
          event.subscribers.map((subscriber) => [
            code(subscriber.name),
            subscriber.module,
            list(subscriber.enqueues.map((queue) => `[${code(queue)}](#queues)`)),
          ]),
        ),
      );
    }
  }

  lines.push(
    '',
    '## Queues',
    '',
    'BullMQ queues that event subscribers add jobs to, and the `@Processor` that runs them in the',
    'worker app.',
    '',
  );
  if (queues.length === 0) {
    lines.push('_None._');
  } else {
    lines.push(
      ...table(
        ['Queue', 'Enqueued by', 'Processed by'],
        queues.map((queue) => [
          code(queue.name),
          list(
            queue.enqueuedBy.map(
              ({ subscriber, eventType }) => `${code(subscriber)} on ${eventLink(eventType)}`,
            ),
            '_no event subscriber_',
          ),
          list(
            queue.processors.map(
              (processor) =>
                `${processor.module}: ${fileLink(processor.file, code(processor.className))}`,
            ),
            '_nobody_',
          ),
        ]),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `orders, in a.ts and b.ts`, one group per publishing module. */
function publishers(event: CatalogEvent): string {
  const modules = sorted(event.publishers.map((publisher) => publisher.module));
  const groups = modules.map((module) => {
    const files = sorted(
      event.publishers.filter((p) => p.module === module).map((p) => p.file),
    ).map((file) => fileLink(file));
    const last = files.pop();
    return `${module}, in ${files.length > 0 ? `${files.join(', ')} and ${last}` : last}`;
  });
  return groups.length > 0 ? groups.join('; ') : '_nobody_';
}

/** A Mermaid flowchart: module -> event -> subscribing module -> queue -> processing module. */
function renderDiagram({ events, queues, modules }: EventCatalog): string[] {
  const id = (kind: string, name: string) => `${kind}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
  const label = (text: string) => `"${text.replace(/"/g, '#quot;')}"`;
  const edges = new Set<string>();
  const lines = [
    '```mermaid',
    'flowchart LR',
    '  classDef module fill:#dbeafe,stroke:#1d4ed8,color:#111827',
    '  classDef event fill:#fef3c7,stroke:#b45309,color:#111827',
    '  classDef queue fill:#dcfce7,stroke:#15803d,color:#111827',
    ...modules.map((module) => `  ${id('module', module.name)}[${label(module.name)}]:::module`),
    ...events.map(
      (event) =>
        `  ${id('event', event.type)}([${label(`${event.type} v${event.version}`)}]):::event`,
    ),
    ...queues.map((queue) => `  ${id('queue', queue.name)}[(${label(queue.name)})]:::queue`),
  ];
  const edge = (from: string, text: string, to: string) => {
    const line = `  ${from} -->|${label(text)}| ${to}`;
    if (!edges.has(line)) lines.push(line);
    edges.add(line);
  };
  for (const event of events) {
    for (const publisher of event.publishers) {
      edge(id('module', publisher.module), 'publishes', id('event', event.type));
    }
    for (const subscriber of event.subscribers) {
      const name = subscriber.name.slice(subscriber.module.length + 1);
      edge(id('event', event.type), name, id('module', subscriber.module));
      for (const queue of subscriber.enqueues) {
        edge(id('module', subscriber.module), 'enqueues', id('queue', queue));
      }
    }
  }
  for (const queue of queues) {
    for (const processor of queue.processors) {
      edge(id('queue', queue.name), 'processed by', id('module', processor.module));
    }
  }
  lines.push('```');
  return lines;
}
