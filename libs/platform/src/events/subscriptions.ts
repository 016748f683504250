import { Injectable } from '@nestjs/common';
import { DomainEvent, EventClass } from './domain-event';

/** Reacts to one event type. Runs after the publishing transaction commits, in a transaction of its own. */
export type EventHandler<E extends DomainEvent> = (event: E) => Promise<void> | void;

export interface SubscribeOptions {
  /** Queues this subscriber adds jobs to; documentation only (read by the event catalog). */
  readonly enqueues?: readonly string[];
}

export interface Subscription {
  readonly eventClass: EventClass;
  /** Stable `<module>.<what-it-does>` name; see {@link EventBus.subscribe}. */
  readonly subscriber: string;
  readonly handler: EventHandler<DomainEvent>;
  readonly enqueues: readonly string[];
}

const SUBSCRIBER_NAME = /^[a-z][a-z0-9-]*\.[a-z][a-zA-Z0-9-]*$/;

/**
 * Who listens to what. Every bus backend reads it, and so does the event catalog generator, so
 * the documentation is built from the registrations the running application really makes.
 */
@Injectable()
export class Subscriptions {
  private readonly byType = new Map<string, Subscription[]>();
  private readonly bySubscriber = new Map<string, Subscription>();
  private readonly eventClasses = new Map<string, EventClass>();

  add<E extends DomainEvent>(
    eventClass: EventClass<E>,
    subscriber: string,
    handler: EventHandler<E>,
    options: SubscribeOptions = {},
  ): void {
    if (!SUBSCRIBER_NAME.test(subscriber)) {
      throw new Error(`Subscriber name "${subscriber}" must look like "<module>.<what-it-does>"`);
    }
    if (this.bySubscriber.has(subscriber)) {
      throw new Error(`Subscriber "${subscriber}" is registered twice`);
    }
    const cls = eventClass as unknown as EventClass;
    const known = this.eventClasses.get(cls.type);
    if (known && known !== cls) {
      throw new Error(`Two event classes claim the type "${eventClass.type}"`);
    }
    const subscription: Subscription = {
      eventClass: cls,
      subscriber,
      handler: handler as EventHandler<DomainEvent>,
      enqueues: options.enqueues ?? [],
    };
    this.eventClasses.set(cls.type, cls);
    this.bySubscriber.set(subscriber, subscription);
    this.byType.set(eventClass.type, [...(this.byType.get(eventClass.type) ?? []), subscription]);
  }

  forType(type: string): readonly Subscription[] {
    return this.byType.get(type) ?? [];
  }

  bySubscriberName(subscriber: string): Subscription | undefined {
    return this.bySubscriber.get(subscriber);
  }

  all(): readonly Subscription[] {
    return [...this.bySubscriber.values()];
  }
}
