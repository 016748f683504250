import type { Channel } from 'amqplib';
import type { RetryPolicy } from '../registry/retry-policy';
import type { Subscription } from '../subscriptions';

/**
 * The names of everything the broker backend declares, all under one namespace:
 *
 * - `<ns>.events`: topic exchange of domain events, routed by the stable event type;
 * - `<ns>.<subscriber>`: one durable quorum queue per subscriber, bound to the types it handles;
 * - `<ns>.<subscriber>.retry-<ms>ms`: a queue per backoff step, whose messages expire back into
 *   the subscriber's queue (TTL plus dead-lettering; there is no delayed-message plugin here);
 * - `<ns>.dead-letters`: direct exchange, routed by subscriber name, to `<ns>.<subscriber>.dead`.
 */
export class Topology {
  constructor(
    readonly namespace: string,
    private readonly retry: RetryPolicy,
  ) {}

  get exchange(): string {
    return `${this.namespace}.events`;
  }

  get deadLetterExchange(): string {
    return `${this.namespace}.dead-letters`;
  }

  queue(subscriber: string): string {
    return `${this.namespace}.${subscriber}`;
  }

  deadLetterQueue(subscriber: string): string {
    return `${this.namespace}.${subscriber}.dead`;
  }

  retryQueue(subscriber: string, delayMs: number): string {
    return `${this.namespace}.${subscriber}.retry-${delayMs}ms`;
  }

  /** The wait before attempt `attemptsMade + 1`: doubling from the base, capped. No jitter: each step is a queue. */
  retryDelayMs(attemptsMade: number): number {
    return Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attemptsMade - 1));
  }

  /** Every delay a retry may wait, one queue each. */
  retryDelays(): number[] {
    const delays = new Set<number>();
    for (let made = 1; made < this.retry.maxAttempts; made++) delays.add(this.retryDelayMs(made));
    return [...delays];
  }

  /** The exchanges every process needs, publisher or consumer. Idempotent. */
  async declareExchanges(channel: Channel): Promise<void> {
    await channel.assertExchange(this.exchange, 'topic', { durable: true });
    await channel.assertExchange(this.deadLetterExchange, 'direct', { durable: true });
  }

  /**
   * A subscriber's queue, its bindings, its dead-letter queue and its retry queues. Idempotent:
   * every process declares the same arguments, so a second declaration is a no-op.
   */
  async declareSubscriber(channel: Channel, subscription: Subscription): Promise<void> {
    const { subscriber, eventClass } = subscription;
    const queue = this.queue(subscriber);
    await channel.assertQueue(queue, {
      durable: true,
      arguments: {
        'x-queue-type': 'quorum',
        // A message that kills its consumer again and again (a crash loop) is dead-lettered by
        // the broker itself after this many deliveries; handler failures are counted by us.
        'x-delivery-limit': this.retry.maxAttempts + 5,
        'x-dead-letter-exchange': this.deadLetterExchange,
        'x-dead-letter-routing-key': subscriber,
      },
    });
    await channel.bindQueue(queue, this.exchange, eventClass.type);
    const dead = this.deadLetterQueue(subscriber);
    await channel.assertQueue(dead, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await channel.bindQueue(dead, this.deadLetterExchange, subscriber);
    for (const delayMs of this.retryDelays()) {
      await channel.assertQueue(this.retryQueue(subscriber, delayMs), {
        durable: true,
        arguments: {
          'x-queue-type': 'quorum',
          'x-message-ttl': delayMs,
          'x-dead-letter-exchange': '',
          'x-dead-letter-routing-key': queue,
          // Expiry moves the message on only once the subscriber's queue has it.
          'x-dead-letter-strategy': 'at-least-once',
          'x-overflow': 'reject-publish',
        },
      });
    }
  }
}
