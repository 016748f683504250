import type { Logger } from '@nestjs/common';
import type { ChannelModel, ConfirmChannel } from 'amqplib';
import type { Topology } from './topology';

/**
 * Opens a confirm channel for a component that holds one while it lasts (the relay, the
 * consumer), with the exchanges declared. A channel error closes the channel, so it is logged
 * rather than thrown; `onClose` runs however the channel closed, for the holder to forget it.
 */
export async function openExchangeChannel(
  connection: ChannelModel,
  topology: Topology,
  logger: Logger,
  onClose: (channel: ConfirmChannel) => void,
): Promise<ConfirmChannel> {
  const channel = await connection.createConfirmChannel();
  channel.on('error', (error: Error) => logger.warn(`Channel error: ${error.message}`));
  channel.on('close', () => onClose(channel));
  await topology.declareExchanges(channel);
  return channel;
}
