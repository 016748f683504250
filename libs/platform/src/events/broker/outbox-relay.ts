import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { ConfirmChannel } from 'amqplib';
import { AsyncLocalStorage } from 'node:async_hooks';
import { UnitOfWork } from '../../transactions/unit-of-work';
import { REGISTRY_OPTIONS } from '../registry/registry-options';
import type { RegistryOptions } from '../registry/registry-options';
import { BrokerConnection } from './broker-connection';
import { BROKER_OPTIONS } from './broker-options';
import type { BrokerOptions } from './broker-options';
import { BrokerOutbox, OwedMessage } from './broker-outbox';
import { toCloudEventMessage } from './cloud-event-message';
import { openExchangeChannel } from './exchange-channel';
import { Topology } from './topology';

/**
 * Hands recorded publications to RabbitMQ: leases a batch, publishes it on a confirm channel,
 * and marks each publication completed only once the broker confirmed it. Woken after every
 * commit that published, and on a timer for retries and for leases a dead process left behind.
 * A publication may reach the broker twice (a crash after the confirm, before the mark); it
 * keeps its message id, and the consumers' inbox drops the second copy.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('BrokerRelay');
  private channel: ConfirmChannel | undefined;
  private running: Promise<void> | undefined;
  private wokenWhileRunning = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Runs work outside whatever transaction or trace woke the relay: a round is nobody's child. */
  private readonly detached = AsyncLocalStorage.snapshot();

  constructor(
    private readonly connection: BrokerConnection,
    private readonly outbox: BrokerOutbox,
    private readonly topology: Topology,
    private readonly unitOfWork: UnitOfWork,
    @Inject(BROKER_OPTIONS) private readonly options: BrokerOptions,
    @Inject(REGISTRY_OPTIONS) private readonly registry: RegistryOptions,
  ) {}

  /** The registry's subscriber name for "owed to the broker". */
  get recipient(): string {
    return `broker:${this.topology.namespace}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connection.whenConnected(async (connection) => {
      this.channel = await openExchangeChannel(connection, this.topology, this.logger, (closed) => {
        if (this.channel === closed) this.channel = undefined;
      });
      this.wake();
    });
    this.connection.start();
    this.tick();
  }

  /** Finishes the round under way (its confirms have a deadline) before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.channel?.close().catch(() => undefined);
  }

  /** Starts a round now, or right after the one running. Never waits. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    this.running = this.detached(() => this.drain())
      .then(() => undefined)
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, `Relay round failed: ${(error as Error).message}`),
      )
      .finally(() => {
        this.running = undefined;
        if (this.wokenWhileRunning) {
          this.wokenWhileRunning = false;
          this.wake();
        }
      });
  }

  /** Hands off due publications until none is left, or the broker is gone. */
  async drain(): Promise<number> {
    let handedOff = 0;
    let owed = this.ready() ? await this.unitOfWork.run(() => this.claim()) : [];
    while (owed.length > 0) {
      const batch = owed;
      const channel = this.channel; // may have closed since the claim: then nothing is confirmed
      const confirmed = channel ? await this.publish(channel, batch) : new Set<OwedMessage>();
      const missing = batch.filter((message) => !confirmed.has(message));
      // A crash here (confirmed, not yet marked): republished later, dropped by the inbox.
      // The mark of this batch and the claim of the next share one transaction.
      owed = await this.unitOfWork.run(async () => {
        await this.outbox.markHandedOff(batch.filter((message) => confirmed.has(message)));
        await this.outbox.postpone(
          missing,
          'not confirmed by the broker',
          this.registry.retry.baseDelayMs,
        );
        const more = missing.length === 0 && batch.length === this.registry.batchSize;
        return more && this.ready() ? this.claim() : [];
      });
      handedOff += confirmed.size;
    }
    return handedOff;
  }

  /**
   * A channel, and `current` set: every setup ran, this process's queues are declared and bound.
   * Until then a message could reach an exchange with nothing bound to it yet, and be dropped.
   */
  private ready(): boolean {
    return !!this.channel && !!this.connection.current && !this.stopped;
  }

  private claim(): Promise<OwedMessage[]> {
    return this.outbox.claimDue(this.recipient, this.registry.batchSize, this.registry.leaseMs);
  }

  /** Publishes the batch; resolves with those the broker confirmed before the deadline. */
  private async publish(
    channel: ConfirmChannel,
    owed: readonly OwedMessage[],
  ): Promise<Set<OwedMessage>> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), this.options.timeoutMs);
    });
    const outcomes = await Promise.all(
      owed.map((message) => {
        const confirm = new Promise<true>((resolve, reject) => {
          const { content, options } = toCloudEventMessage(message.event, message.traceContext);
          channel.publish(this.topology.exchange, message.event.type, content, options, (error) =>
            error ? reject(error) : resolve(true),
          );
        });
        return Promise.race([confirm, deadline]).catch(() => false as const);
      }),
    );
    clearTimeout(timer);
    const confirmed = new Set(owed.filter((_, index) => outcomes[index]));
    if (confirmed.size < owed.length) {
      this.logger.warn(`${owed.length - confirmed.size} publications not confirmed in time`);
      // The link is suspect (a silent partition looks exactly like this): start afresh.
      this.connection.abandon('publisher confirms did not arrive in time');
    }
    return confirmed;
  }

  private tick(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.wake();
      this.tick();
    }, this.registry.pollIntervalMs);
    this.timer.unref();
  }
}
