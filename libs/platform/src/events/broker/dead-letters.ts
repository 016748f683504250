import {
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { ConfirmChannel, GetMessage } from 'amqplib';
import { BrokerConnection } from './broker-connection';
import { BROKER_OPTIONS } from './broker-options';
import type { BrokerOptions } from './broker-options';
import { cloudEventAttributes } from './cloud-event-message';
import { confirmedPublish, forwardedProperties } from './republish';
import { Topology } from './topology';

export interface DeadLetter {
  readonly eventId: string;
  readonly eventType: string;
  readonly subscriber: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly payload: unknown;
}

/** At most this many messages are read from a dead-letter queue per call. */
const MAX_SCAN = 1000;

/**
 * The dead-letter queues, for operators: look at what a subscriber gave up on, and send it back
 * to the subscriber's queue once the cause is fixed. Reading takes messages without
 * acknowledging them; closing the channel puts back whatever was not redriven.
 */
@Injectable()
export class DeadLetters {
  private readonly logger = new Logger('DeadLetters');

  constructor(
    private readonly connection: BrokerConnection,
    private readonly topology: Topology,
    @Inject(BROKER_OPTIONS) private readonly options: BrokerOptions,
  ) {}

  async list(subscriber: string, limit: number): Promise<DeadLetter[]> {
    return this.withChannel(subscriber, async (channel) => {
      const found: DeadLetter[] = [];
      for (let message; found.length < limit && (message = await this.next(channel, subscriber));) {
        found.push(describe(subscriber, message));
      }
      return found;
    });
  }

  /** Moves dead letters (all, or the one with `eventId`) back to the subscriber's queue, attempts reset. */
  async redrive(subscriber: string, eventId?: string): Promise<string[]> {
    const redriven = await this.withChannel(subscriber, async (channel) => {
      const moved: string[] = [];
      for (
        let seen = 0, message;
        seen < MAX_SCAN && (message = await this.next(channel, subscriber));
        seen++
      ) {
        const id = String(message.properties.messageId);
        if (eventId && id !== eventId) continue; // left unacknowledged: back in place on close
        const properties = forwardedProperties(message, {});
        delete properties.headers!['x-attempts'];
        await confirmedPublish(
          channel,
          '',
          this.topology.queue(subscriber),
          message.content,
          properties,
          this.options.timeoutMs,
        );
        channel.ack(message);
        moved.push(id);
      }
      return moved;
    });
    this.logger.log(
      { subscriber, eventIds: redriven },
      `Redrove ${redriven.length} dead letters of ${subscriber}`,
    );
    return redriven;
  }

  private next(channel: ConfirmChannel, subscriber: string): Promise<GetMessage | false> {
    return channel.get(this.topology.deadLetterQueue(subscriber), { noAck: false });
  }

  private async withChannel<T>(
    subscriber: string,
    work: (channel: ConfirmChannel) => Promise<T>,
  ): Promise<T> {
    const connection = this.connection.current;
    if (!connection) throw new ServiceUnavailableException('The broker is not reachable now.');
    const channel = await connection.createConfirmChannel();
    channel.on('error', () => undefined); // a missing queue closes the channel; get() rejects
    try {
      return await work(channel);
    } catch (error) {
      if ((error as { code?: unknown }).code === 404) {
        throw new NotFoundException(`No dead-letter queue for the subscriber ${subscriber}.`);
      }
      throw error;
    } finally {
      await channel.close().catch(() => undefined);
    }
  }
}

function describe(subscriber: string, message: GetMessage): DeadLetter {
  const ce = cloudEventAttributes(message);
  const headers = message.properties.headers ?? {};
  let payload: unknown;
  try {
    payload = JSON.parse(message.content.toString('utf8'));
  } catch {
    payload = message.content.toString('utf8');
  }
  return {
    eventId: String(ce.id ?? message.properties.messageId),
    eventType: String(ce.type ?? message.properties.type),
    subscriber,
    attempts: Number(headers['x-attempts'] ?? 0),
    lastError: headers['x-last-error'] ? String(headers['x-last-error']) : null,
    payload,
  };
}
