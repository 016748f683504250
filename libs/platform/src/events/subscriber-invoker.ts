import { Injectable } from '@nestjs/common';
import { Trace } from '../context/trace-context';
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

  /** @param inTransaction extra work committed atomically with the subscriber's own writes. */
  invoke(
    subscription: Subscription,
    event: DomainEvent,
    inTransaction?: () => Promise<void>,
  ): Promise<void> {
    const trace = { correlationId: event.correlationId, causationId: event.eventId };
    return Trace.run(trace, () =>
      this.unitOfWork.run(async () => {
        await subscription.handler(event);
        await inTransaction?.();
      }),
    );
  }
}
