import { Injectable } from '@nestjs/common';
import { Trace } from '../context/trace-context';
import { subscriberSpan } from '../telemetry/event-spans';
import { UnitOfWork } from '../transactions/unit-of-work';
import { DomainEvent } from './domain-event';
import { Subscription } from './subscriptions';

/** Bookkeeping a durable backend commits atomically with the subscriber's own writes. */
export interface DeliveryHooks {
  /**
   * Runs first, in the subscriber's transaction; returning false skips the subscriber (someone
   * else has it, or it is done). Whatever it writes commits only if the subscriber succeeds.
   */
  readonly claim?: () => Promise<boolean>;
}

/**
 * Runs one subscriber for one event the way every backend must: in a transaction of its own, with
 * the event's correlation id carried on and the event itself recorded as the cause of what follows.
 */
@Injectable()
export class SubscriberInvoker {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  invoke(subscription: Subscription, event: DomainEvent, hooks: DeliveryHooks = {}): Promise<void> {
    const trace = { correlationId: event.correlationId, causationId: event.eventId };
    return Trace.run(trace, () =>
      subscriberSpan(subscription.subscriber, event, () =>
        this.unitOfWork.run(async () => {
          if (hooks.claim && !(await hooks.claim())) return;
          await subscription.handler(event);
        }),
      ),
    );
  }
}
