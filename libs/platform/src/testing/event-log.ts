import type { INestApplicationContext } from '@nestjs/common';
import { DomainEvent, EventClass } from '../events/domain-event';
import { EventBus } from '../events/event-bus';

type Listener = (event: DomainEvent) => void;

/**
 * Every event of the observed types that an app's bus delivered, in arrival order. It listens as
 * an ordinary subscriber (`scenario.observe-<type>`): with the registry backend its publications
 * are recorded, leased and delivered after commit like any other module's.
 */
export class EventLog {
  private readonly seen: DomainEvent[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly observed = new WeakMap<INestApplicationContext, Set<string>>();

  /** Subscribes to `eventClass` in each app, once per app and type; true if it was new. */
  observe(apps: readonly INestApplicationContext[], eventClass: EventClass): boolean {
    let fresh = false;
    for (const app of apps) {
      const types = this.observed.get(app) ?? new Set<string>();
      this.observed.set(app, types);
      if (types.has(eventClass.type)) continue;
      types.add(eventClass.type);
      fresh = true;
      const subscriber = `scenario.observe-${eventClass.type.replace(/[^a-z0-9]+/g, '-')}`;
      app.get(EventBus).subscribe(eventClass, subscriber, (event) => this.record(event));
    }
    return fresh;
  }

  /** How many events it has seen: a mark to read from. */
  get size(): number {
    return this.seen.length;
  }

  /** Events seen since `mark`, then each new one, until `listener` returns true or is removed. */
  follow(mark: number, listener: (event: DomainEvent) => boolean): () => void {
    for (const event of this.seen.slice(mark)) if (listener(event)) return () => undefined;
    const wrapped: Listener = (event) => {
      if (listener(event)) this.listeners.delete(wrapped);
    };
    this.listeners.add(wrapped);
    return () => this.listeners.delete(wrapped);
  }

  private record(event: DomainEvent): void {
    this.seen.push(event);
    for (const listener of [...this.listeners]) listener(event);
  }
}

/** One log per set of apps' buses, so every scenario over them shares the same subscribers. */
const logs = new WeakMap<INestApplicationContext, EventLog>();

export function eventLogOf(apps: readonly INestApplicationContext[]): EventLog {
  const log = logs.get(apps[0]) ?? new EventLog();
  for (const app of apps) logs.set(app, log);
  return log;
}
