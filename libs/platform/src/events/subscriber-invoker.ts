import { Injectable } from '@nestjs/common';
import { Trace } from '../context/trace-context';
import { subscriberSpan } from '../telemetry/event-spans';
import { UnitOfWork } from '../transactions/unit-of-work';
import { DomainEvent } from './domain-event';
import { Subscription } from './subscriptions';

/**
 * Runs one subscriber for one event the way every backend must: in a transaction of its own, with
 * the event's correlation id carried on and the event itself recorded as the cause of what follows.
 */
@Injectable()
export class SubscriberInvoker {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * `delivery` is what runs in that transaction: the subscriber alone by default. A durable
   * backend writes its bookkeeping there before calling the subscriber, so the bookkeeping
   * commits exactly when the subscriber's own writes do.
   *
   * The subscriber's own unit of work joins that transaction without a savepoint (two round trips
   * fewer a delivery): a delivery is all or nothing anyway, so a nested failure fails all of it,
   * bookkeeping included, even when the subscriber catches it, and the delivery is retried.
   */
  invoke(
    subscription: Subscription,
    event: DomainEvent,
    delivery: () => Promise<void> = async () => subscription.handler(event),
  ): Promise<void> {
    const trace = { correlationId: event.correlationId, causationId: event.eventId };
    return Trace.run(trace, () =>
      subscriberSpan(subscription.subscriber, event, () =>
        this.unitOfWork.run(delivery, { savepoints: false }),
      ),
    );
  }
}
