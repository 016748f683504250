import { BootedApps, Declarations, readDeclarations } from './read-apps';
import { Contract, readContracts } from './read-contracts';

/**
 * The event catalog: what the booted apps declare joined with the event contracts, and every
 * place where they disagree. Pure, so the generator and its tests build the same catalog.
 */
export type EventCatalog = ReturnType<typeof buildCatalog>['catalog'];

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

export function collectCatalog(apps: BootedApps) {
  return buildCatalog(readDeclarations(apps), readContracts());
}

/** The catalog, and (sorted) each reason to fail it. */
export function buildCatalog(declared: Declarations, contracts: readonly Contract[]) {
  const { apps, subscriptions, processors, publishers } = declared;
  const problems: string[] = [];
  const signature = ({ subscriber, eventClass, enqueues }: (typeof subscriptions)[number]) =>
    `"${subscriber}" (${[eventClass.type, ...sorted(enqueues).map((queue) => `enqueues ${queue}`)]})`;
  const bySignature = new Map(subscriptions.map((s) => [signature(s), s]));

  // A publishing app records one publication per subscriber it knows: an app lacking a
  // subscription would lose the events published there.
  for (const app of apps) {
    const own = subscriptions.filter((s) => s.app === app).map(signature);
    for (const missing of sorted(bySignature.keys()).filter((s) => !own.includes(s))) {
      problems.push(
        `Subscriber ${missing} is registered by another app but not by the ${app} app: ` +
          'both apps must import the same feature modules.',
      );
    }
  }
  const subscribers = sorted(bySignature.keys()).map((key) => {
    const { subscriber: name, eventClass, enqueues } = bySignature.get(key)!;
    const [module, eventType] = [name.split('.')[0], eventClass.type];
    if (!contracts.some(({ type }) => type === eventType)) {
      problems.push(`Subscriber "${name}" listens to "${eventType}", which no contract declares.`);
    }
    return { name, module, eventType, enqueues: sorted(enqueues) };
  });

  const events = [...contracts]
    .sort((a, b) => (a.type < b.type ? -1 : 1))
    .map((contract) => {
      const { className, type } = contract;
      const module = type.split('.')[0];
      const publishedBy = publishers.filter(({ eventType }) => eventType === type);
      if (!contract.description) {
        problems.push(`${className} (${contract.file}) has no TSDoc: say above it what happened.`);
      }
      if (!publishedBy.some((publisher) => publisher.module === module)) {
        problems.push(
          `${className} belongs to the ${module} module, but no provider there declares ` +
            `@Publishes(${className}): declare it on the use case that publishes it.`,
        );
      }
      for (const publisher of publishedBy.filter((p) => p.module !== module)) {
        problems.push(
          `${publisher.className} (${publisher.module} module) declares @Publishes(${className}), ` +
            `but that event belongs to the ${module} module: a module publishes only its own events.`,
        );
      }
      const ownSubscribers = subscribers.filter(({ eventType }) => eventType === type);
      return { ...contract, module, publishers: publishedBy, subscribers: ownSubscribers };
    });

  // Jobs nobody takes never run; a processor no subscriber declares it feeds is dead code, or
  // fed by a subscription that hides it.
  const queueNames = [...subscribers.flatMap((s) => s.enqueues), ...processors.map((p) => p.queue)];
  const queues = sorted(queueNames).map((name) => {
    const enqueuedBy = subscribers.filter(({ enqueues }) => enqueues.includes(name));
    const processedBy = processors.filter(({ queue }) => queue === name);
    if (processedBy.length === 0) {
      problems.push(
        `${enqueuedBy.map((s) => `"${s.name}"`).join(', ')} enqueue jobs on "${name}", but no ` +
          'app registers a @Processor for that queue: its jobs would never run.',
      );
    }
    if (enqueuedBy.length === 0) {
      problems.push(
        `${processedBy.map((p) => p.className).join(', ')} processes the queue "${name}", but ` +
          'no subscriber declares that it enqueues there: add { enqueues: [...] } to its subscribe().',
      );
    }
    return { name, enqueuedBy, processors: processedBy };
  });

  return { catalog: { events, queues }, problems: sorted(problems) };
}
