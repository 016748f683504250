import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { DomainEvent } from '../domain-event';
import { deserializeEvent } from '../registry/event-serializer';
import { REGISTRY_OPTIONS } from '../registry/registry-options';
import type { RegistryOptions } from '../registry/registry-options';
import { SubscriberInvoker } from '../subscriber-invoker';
import { Subscription, Subscriptions } from '../subscriptions';
import { BrokerConnection } from './broker-connection';
import { BROKER_OPTIONS } from './broker-options';
import type { BrokerOptions } from './broker-options';
import { fromCloudEventMessage, traceCarrierOf } from './cloud-event-message';
import { openExchangeChannel } from './exchange-channel';
import { context } from '@opentelemetry/api';
import { contextFromCarrier } from '../../telemetry/spans';
import { Inbox } from './inbox';
import { Lanes } from '../lanes';
import { routeFailure } from './failure-routing';
import { Topology } from './topology';

/**
 * Runs this process's subscribers on the messages of their queues. Each message is handled in
 * the subscriber's own transaction, which also writes the inbox row (event id, subscriber); the
 * message is acknowledged only after that commit. A copy the inbox already holds is acknowledged
 * without running the subscriber. A failure is retried through the subscriber's retry queues,
 * and after the last attempt the message goes to its dead-letter queue, while the others flow on.
 */
@Injectable()
export class BrokerConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('BrokerConsumer');
  private readonly lanes: Lanes;
  private readonly inFlight = new Set<Promise<void>>();
  private channel: ConfirmChannel | undefined;
  private consumerTags: string[] = [];
  private stopped = false;

  constructor(
    private readonly connection: BrokerConnection,
    private readonly subscriptions: Subscriptions,
    private readonly invoker: SubscriberInvoker,
    private readonly inbox: Inbox,
    private readonly topology: Topology,
    @Inject(BROKER_OPTIONS) private readonly options: BrokerOptions,
    @Inject(REGISTRY_OPTIONS) registry: RegistryOptions,
  ) {
    // Each message being handled holds a database connection; the lanes bound them.
    this.lanes = new Lanes(registry.concurrency);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connection.whenConnected((connection) => this.startConsuming(connection));
    this.connection.start();
  }

  /**
   * Before the database closes: stops taking messages, lets those being handled finish (for at
   * most the broker timeout), then closes the channel, which returns anything unacknowledged.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const channel = this.channel;
    if (!channel) return;
    for (const tag of this.consumerTags) await channel.cancel(tag).catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise((resolve) => (timer = setTimeout(resolve, this.options.timeoutMs))),
    ]);
    clearTimeout(timer);
    await channel.close().catch(() => undefined);
  }

  private async startConsuming(connection: ChannelModel): Promise<void> {
    const channel = await openExchangeChannel(connection, this.topology, this.logger, (closed) => {
      if (this.channel === closed) this.channel = undefined;
    });
    await channel.prefetch(this.options.prefetch);
    for (const subscription of this.subscriptions.all()) {
      await this.topology.declareSubscriber(channel, subscription);
    }
    // A process that does not consume still declares its subscribers' queues: what it publishes
    // before a consumer ever started is kept there, not dropped by an exchange with no binding.
    if (this.stopped || !this.options.consume) return void (await channel.close());
    const tags: string[] = [];
    for (const subscription of this.subscriptions.all()) {
      const { consumerTag } = await channel.consume(
        this.topology.queue(subscription.subscriber),
        (message) => {
          if (!message) return; // the broker cancelled the consumer (queue deleted)
          const handled = this.handle(channel, subscription, message);
          this.inFlight.add(handled);
          void handled.finally(() => this.inFlight.delete(handled));
        },
      );
      tags.push(consumerTag);
    }
    this.consumerTags = tags;
    this.channel = channel;
  }

  private async handle(
    channel: ConfirmChannel,
    subscription: Subscription,
    message: ConsumeMessage,
  ): Promise<void> {
    await this.lanes
      .run(() => this.deliver(channel, subscription, message))
      .catch((error) => {
        // The channel closed under us: the broker redelivers the message, the inbox has the rest.
        this.logger.warn(
          `Message for ${subscription.subscriber} left unacknowledged: ${(error as Error).message}`,
        );
      });
  }

  private async deliver(
    channel: ConfirmChannel,
    subscription: Subscription,
    message: ConsumeMessage,
  ): Promise<void> {
    const { subscriber } = subscription;
    let event: DomainEvent;
    try {
      event = deserializeEvent(fromCloudEventMessage(message), (type) =>
        type === subscription.eventClass.type ? subscription.eventClass : undefined,
      );
    } catch (error) {
      this.logger.error(
        { err: error, subscriber, messageId: message.properties.messageId },
        `Unreadable message for ${subscriber}, dead-lettered: ${(error as Error).message}`,
      );
      return channel.nack(message, false, false); // the queue dead-letters it
    }
    try {
      // The subscriber's span continues the trace of the span that published the event.
      await context.with(contextFromCarrier(traceCarrierOf(message)), () =>
        // The inbox check first, in the subscriber's transaction: a copy already received runs
        // nothing, and the receipt commits only with the subscriber's writes.
        this.invoker.invoke(subscription, event, async () => {
          if (await this.receive(event, subscriber)) await subscription.handler(event);
        }),
      );
    } catch (error) {
      return this.retryLater(channel, subscription, message, event, error);
    }
    // A crash here (committed, not acknowledged): redelivered, then dropped by the inbox.
    channel.ack(message);
  }

  /** The inbox check, in the subscriber's transaction: false for a copy already received. */
  private async receive(event: DomainEvent, subscriber: string): Promise<boolean> {
    const first = await this.inbox.receive(event.eventId, subscriber);
    if (!first) {
      this.logger.log(
        { subscriber, eventId: event.eventId },
        `${subscriber} already received ${event.type} ${event.eventId}: acknowledged, not run again`,
      );
    }
    return first;
  }

  /** Retries the message later, or dead-letters it after the last attempt; logs which. */
  private async retryLater(
    channel: ConfirmChannel,
    { subscriber }: Subscription,
    message: ConsumeMessage,
    event: DomainEvent,
    error: unknown,
  ): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    try {
      const route = await routeFailure(
        channel,
        this.topology,
        this.options,
        subscriber,
        message,
        reason,
      );
      this.logger[route.givingUp ? 'error' : 'warn'](
        {
          err: error,
          subscriber,
          eventType: event.type,
          eventId: event.eventId,
          attempts: route.attempts,
        },
        `Subscriber ${subscriber} failed on ${event.type} ${event.eventId} ` +
          `(attempt ${route.attempts}): ${reason}; ` +
          (route.givingUp ? 'dead-lettered' : `retried in ${route.delayMs} ms`),
      );
    } catch (parkError) {
      // Not parked anywhere: back to the queue at once (the delivery limit bounds a loop).
      this.logger.warn(
        { err: error, subscriber, eventId: event.eventId },
        `Subscriber ${subscriber} failed on ${event.type} ${event.eventId} (${reason}) and the ` +
          `message could not be parked: ${(parkError as Error).message}`,
      );
      channel.nack(message, false, true);
    }
  }
}
