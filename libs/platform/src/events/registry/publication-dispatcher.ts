import { Inject, Injectable, Logger } from '@nestjs/common';
import { PlatformMetrics } from '../../metrics/platform-metrics';
import { dispatchSpan } from '../../telemetry/event-spans';
import { UnitOfWork } from '../../transactions/unit-of-work';
import { DomainEvent } from '../domain-event';
import { SubscriberInvoker } from '../subscriber-invoker';
import { Subscriptions } from '../subscriptions';
import { deserializeEvent } from './event-serializer';
import { Claim, ClaimedPublication, PublicationStore } from './publication-store';
import { REGISTRY_OPTIONS } from './registry-options';
import type { RegistryOptions } from './registry-options';
import { isExhausted, retryDelayMs } from './retry-policy';

/**
 * Delivers one publication to its subscriber, in one transaction that holds the publication's
 * row lock, runs the subscriber, and marks the publication completed. Either all of it commits
 * or none of it: a subscriber's database effects are therefore applied exactly once, however
 * often the publication is retried or recovered.
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

  /** Delivers a publication this process claimed: just recorded, or taken by the relay. */
  dispatch(claim: Claim, event: DomainEvent): Promise<void> {
    return dispatchSpan(claim, event.type, () => this.deliver(claim, event));
  }

  private async deliver(claim: Claim, event: DomainEvent): Promise<void> {
    const subscription = this.subscriptions.bySubscriberName(claim.subscriber);
    // Unknown here only when processes run different code (a rolling deploy): leave it owed, for a
    // process that knows the subscriber.
    if (!subscription) return;
    const delivered = this.metrics.deliveryStarted(claim.subscriber);
    try {
      // Marked completed first, in the subscriber's own transaction: a failure rolls it back.
      await this.invoker.invoke(subscription, event, { claim: () => this.store.complete(claim) });
      delivered('completed');
    } catch (error) {
      const givenUp = await this.recordFailure(claim, event, error);
      delivered(givenUp ? 'failed' : 'retrying');
    }
  }

  /** Delivers a publication the relay claimed from the table. */
  async dispatchStored({ event, ...claim }: ClaimedPublication): Promise<void> {
    const subscription = this.subscriptions.bySubscriberName(claim.subscriber);
    let decoded: DomainEvent;
    try {
      decoded = deserializeEvent(event, (type) =>
        type === subscription?.eventClass.type ? subscription.eventClass : undefined,
      );
    } catch (error) {
      await dispatchSpan(claim, undefined, () => this.recordFailure(claim, undefined, error));
      return;
    }
    return this.dispatch(claim, decoded);
  }

  /** Counts the failed attempt; true when the publication is given up. */
  private async recordFailure(
    claim: Claim,
    event: DomainEvent | undefined,
    error: unknown,
  ): Promise<boolean> {
    const { id, subscriber } = claim;
    const message = error instanceof Error ? error.message : String(error);
    const outcome = await this.unitOfWork
      .run(() =>
        this.store.recordFailure(claim, message, (attempts) =>
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
