import { DomainEvent, EventClass } from './domain-event';
import type { EventHandler, SubscribeOptions, Subscriptions } from './subscriptions';

export type { EventHandler, SubscribeOptions } from './subscriptions';

/**
 * The one event bus of the application: the Nest counterpart of the seed's module-level singleton.
 * Feature modules subscribe in `onModuleInit()` and publish from their use cases. Which backend runs
 * (in memory, or the durable publication registry) is configuration; callers cannot tell.
 */
export abstract class EventBus {
  constructor(protected readonly subscriptions: Subscriptions) {}

  /**
   * @param subscriber stable name `<module>.<what-it-does>`, unique in the application. Durable
   *   backends store it, so renaming a subscriber orphans its undelivered events.
   */
  subscribe<E extends DomainEvent>(
    eventClass: EventClass<E>,
    subscriber: string,
    handler: EventHandler<E>,
    options?: SubscribeOptions,
  ): void {
    this.subscriptions.add(eventClass, subscriber, handler, options);
  }

  /**
   * Inside a unit of work the event is held until the outermost transaction commits, and dropped
   * if it rolls back. Outside one it is delivered at once.
   */
  abstract publish(event: DomainEvent): Promise<void>;
}
