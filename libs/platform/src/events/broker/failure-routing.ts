import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { BrokerOptions } from './broker-options';
import { confirmedPublish, forwardedProperties } from './republish';
import type { Topology } from './topology';

/** Where a message whose subscriber failed goes next, and what the log should say about it. */
export interface FailureRoute {
  readonly attempts: number;
  readonly givingUp: boolean;
  readonly delayMs: number;
}

/**
 * Parks a failed message: in the subscriber's next retry queue (it expires back into the
 * subscriber's queue after the backoff), or after the last attempt in its dead-letter queue. The
 * copy is confirmed by the broker before the original is acknowledged, so a crash in between
 * leaves two copies, never none; the inbox runs the subscriber once.
 */
export async function routeFailure(
  channel: ConfirmChannel,
  topology: Topology,
  options: BrokerOptions,
  subscriber: string,
  message: ConsumeMessage,
  reason: string,
): Promise<FailureRoute> {
  const attempts = Number(message.properties.headers?.['x-attempts'] ?? 0) + 1;
  const givingUp = attempts >= options.retry.maxAttempts;
  const delayMs = topology.retryDelayMs(attempts);
  const properties = forwardedProperties(message, {
    'x-attempts': attempts,
    'x-last-error': reason.slice(0, 1000),
  });
  const [exchange, routingKey] = givingUp
    ? [topology.deadLetterExchange, subscriber]
    : ['', topology.retryQueue(subscriber, delayMs)];
  await confirmedPublish(
    channel,
    exchange,
    routingKey,
    message.content,
    properties,
    options.timeoutMs,
  );
  channel.ack(message);
  return { attempts, givingUp, delayMs };
}
