import { Injectable, Logger } from '@nestjs/common';
import { FaultPoints } from '../faults/fault-points';
import { UnitOfWork } from '../transactions/unit-of-work';
import { DomainEvent, EventClass } from './domain-event';
import { EventBus, EventHandler, SubscribeOptions } from './event-bus';
import { SubscriberInvoker } from './subscriber-invoker';
import { Subscriptions } from './subscriptions';

/**
 * Delivers events in process, after commit. Fast and simple, but an event whose process dies
 * between the commit and the handler is lost: the durable registry backend closes that gap.
 */
@Injectable()
export class InMemoryEventBus extends EventBus {
  private readonly logger = new Logger('EventBus');

  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly unitOfWork: UnitOfWork,
    private readonly invoker: SubscriberInvoker,
    private readonly faults: FaultPoints,
  ) {
    super();
  }

  subscribe<E extends DomainEvent>(
    eventClass: EventClass<E>,
    subscriber: string,
    handler: EventHandler<E>,
    options?: SubscribeOptions,
  ): void {
    this.subscriptions.add(eventClass, subscriber, handler, options);
  }

  publish(event: DomainEvent): Promise<void> {
    return this.unitOfWork.afterCommit(() => {
      this.faults.hit('events.before-dispatch'); // a crash here loses the event: see the registry
      return this.deliver(event);
    });
  }

  private async deliver(event: DomainEvent): Promise<void> {
    for (const subscription of this.subscriptions.forType(event.type)) {
      try {
        await this.invoker.invoke(subscription, event);
      } catch (error) {
        this.logger.error(
          {
            err: error,
            eventType: event.type,
            eventId: event.eventId,
            subscriber: subscription.subscriber,
          },
          `Subscriber ${subscription.subscriber} failed on ${event.type} ${event.eventId}`,
        );
      }
    }
  }
}
