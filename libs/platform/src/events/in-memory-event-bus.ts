import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../transactions/unit-of-work';
import { DomainEvent } from './domain-event';
import { EventBus } from './event-bus';
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
    subscriptions: Subscriptions,
    private readonly unitOfWork: UnitOfWork,
    private readonly invoker: SubscriberInvoker,
  ) {
    super(subscriptions);
  }

  publish(event: DomainEvent): Promise<void> {
    // A crash between the commit and this work loses the event: the registry closes that gap.
    return this.unitOfWork.afterCommit(() => this.deliver(event));
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
