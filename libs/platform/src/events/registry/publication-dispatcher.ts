import { Inject, Injectable, Logger } from '@nestjs/common';
import { PlatformMetrics } from '../../metrics/platform-metrics';
import { dispatchSpan } from '../../telemetry/event-spans';
import { UnitOfWork } from '../../transactions/unit-of-work';
import { DomainEvent } from '../domain-event';
import { SubscriberInvoker } from '../subscriber-invoker';
import { Subscriptions } from '../subscriptions';
import { deserializeEvent } from './event-serializer';
import { ClaimedPublication, Lease, PublicationStore } from './publication-store';
import { REGISTRY_OPTIONS } from './registry-options';
import type { RegistryOptions } from './registry-options';
import { isExhausted, retryDelayMs } from './retry-policy';

/**
 * Delivers one publication to its subscriber, in one transaction that completes the publication
 * (taking its row lock) and then runs the subscriber. Either all of it commits or none of it: a
 * subscriber's database effects are therefore applied exactly once, however often the
 * publication is retried or recovered. A failure is recorded in a transaction of its own.
 */
@Injectable()
export class PublicationDispatcher {
  private readonly logger = new Logger('EventRegistry');

  constructor(
    private readonly store: PublicationStore,
    private readonly subscriptions: Subscriptions,
    private readonly invoker: SubscriberInvoker,
    private readonly unitOfWork: UnitOfWork,
    @Inject(REGISTRY_OPTIONS) private readonly options: RegistryOptions,
    private readonly metrics: PlatformMetrics,
  ) {}

  /** Delivers a publication this process holds the lease on: just recorded, or claimed. */
  dispatch(lease: Lease, event: DomainEvent): Promise<void> {
    return dispatchSpan(lease, event.type, () => this.deliver(lease, event));
  }

  private async deliver(lease: Lease, event: DomainEvent): Promise<void> {
    const subscription = this.subscriptions.bySubscriberName(lease.subscriber);
    // Unknown here only when processes run different code (a rolling deploy): leave it owed, for a
    // process that knows the subscriber.
    if (!subscription) return;
    const delivered = this.metrics.deliveryStarted(lease.subscriber);
    try {
      await this.invoker.invoke(subscription, event, async () => {
        // Completed first, in the subscriber's own transaction: the mark commits with the
        // subscriber's writes, or a failure rolls it back with them. A publication already
        // completed, or whose lease another process took over, is not ours to run.
        if (!(await this.store.complete(lease))) return;
        await subscription.handler(event);
      });
      delivered('completed');
    } catch (error) {
      const givenUp = await this.recordFailure(lease, event, error);
      delivered(givenUp ? 'failed' : 'retrying');
    }
  }

  /** Delivers a publication the relay claimed from the table. */
  async dispatchStored({ event, ...lease }: ClaimedPublication): Promise<void> {
    const subscription = this.subscriptions.bySubscriberName(lease.subscriber);
    let decoded: DomainEvent;
    try {
      decoded = deserializeEvent(event, (type) =>
        type === subscription?.eventClass.type ? subscription.eventClass : undefined,
      );
    } catch (error) {
      await dispatchSpan(lease, undefined, () => this.recordFailure(lease, undefined, error));
      return;
    }
    return this.dispatch(lease, decoded);
  }

  /** Counts the failed attempt; true when the publication is given up. */
  private async recordFailure(
    lease: Lease,
    event: DomainEvent | undefined,
    error: unknown,
  ): Promise<boolean> {
    const { id, subscriber } = lease;
    const message = error instanceof Error ? error.message : String(error);
    const outcome = await this.unitOfWork
      .run(() =>
        this.store.recordFailure(lease, message, (attempts) =>
          isExhausted(this.options.retry, attempts)
            ? null
            : retryDelayMs(this.options.retry, attempts),
        ),
      )
      .catch((storeError: unknown) => {
        // The lease expires and the relay retries it: nothing is lost, only this bookkeeping.
        this.logger.error(
          { err: storeError, publicationId: id },
          'Could not record a failed delivery',
        );
        return null;
      });
    const givenUp = outcome?.status === 'failed';
    this.logger[givenUp ? 'error' : 'warn'](
      {
        err: error,
        publicationId: id,
        subscriber,
        eventType: event?.type,
        eventId: event?.eventId,
        attempts: outcome?.attempts,
      },
      `Subscriber ${subscriber} failed on ${event?.type ?? 'a stored event'} ${event?.eventId ?? id}` +
        `${givenUp ? ' and will not be retried' : ''}: ${message}`,
    );
    return givenUp;
  }
}
