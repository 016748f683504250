import type { ConfirmChannel, Message, Options } from 'amqplib';

/** Publishes one message and waits for the broker's confirm, at most `timeoutMs`. */
export function confirmedPublish(
  channel: ConfirmChannel,
  exchange: string,
  routingKey: string,
  content: Buffer,
  options: Options.Publish,
  timeoutMs: number,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`No publisher confirm within ${timeoutMs} ms`)),
      timeoutMs,
    );
    try {
      channel.publish(exchange, routingKey, content, options, (error) => {
        clearTimeout(timer);
        if (error) reject(error instanceof Error ? error : new Error('Nacked by the broker'));
        else resolve();
      });
    } catch (error) {
      clearTimeout(timer);
      reject(error);
    }
  });
}

/**
 * The properties of a message sent on again (to a retry queue, the dead letters, or back from
 * them): the CloudEvent and its ids unchanged, the broker's own bookkeeping headers dropped.
 */
export function forwardedProperties(
  message: Message,
  headers: Record<string, unknown>,
): Options.Publish {
  const { messageId, correlationId, type, appId, contentType, timestamp } = message.properties;
  const kept = Object.entries(message.properties.headers ?? {}).filter(
    ([name]) => name.startsWith('cloudEvents:') || name === 'x-attempts' || name === 'x-last-error',
  );
  return {
    messageId,
    correlationId,
    type,
    appId,
    contentType,
    timestamp,
    persistent: true,
    headers: { ...Object.fromEntries(kept), ...headers },
  };
}
