import { DomainEvent, EventClass } from './domain-event';

/** Reacts to one event type. Runs after the publishing transaction commits, in a transaction of its own. */
export type EventHandler<E extends DomainEvent> = (event: E) => Promise<void> | void;

export interface SubscribeOptions {
  /** Queues this subscriber adds jobs to; documentation only (read by the event catalog). */
  readonly enqueues?: readonly string[];
}

/**
 * The one event bus of the application: the Nest counterpart of the seed's module-level singleton.
 * Feature modules subscribe in `onModuleInit()` and publish from their use cases. Which backend runs
 * (in memory, or the durable publication registry) is configuration; callers cannot tell.
 */
export abstract class EventBus {
  /**
   * @param subscriber stable name `<module>.<what-it-does>`, unique in the application. Durable
   *   backends store it, so renaming a subscriber orphans its undelivered events.
   */
  abstract subscribe<E extends DomainEvent>(
    eventClass: EventClass<E>,
    subscriber: string,
    handler: EventHandler<E>,
    options?: SubscribeOptions,
  ): void;

  /**
   * Inside a unit of work the event is held until the outermost transaction commits, and dropped
   * if it rolls back. Outside one it is delivered at once.
   */
  abstract publish(event: DomainEvent): Promise<void>;
}
