import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { connect, type ChannelModel } from 'amqplib';
import { BROKER_OPTIONS } from './broker-options';
import type { BrokerOptions } from './broker-options';

/** Work to do on every fresh connection: open channels, declare topology, start consuming. */
export type OnConnected = (connection: ChannelModel) => Promise<void>;

const MAX_RECONNECT_DELAY_MS = 5000;

/**
 * The one AMQP connection of a process, kept open: connected in the background at boot, and
 * reconnected with backoff after a loss. Nothing ever waits for it: while it is down,
 * {@link current} is undefined and callers leave their work for later (publications stay in the
 * registry, unacknowledged messages stay in their queues). A silent peer is found by the AMQP
 * heartbeat; a connect attempt gives up after the timeout.
 */
@Injectable()
export class BrokerConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Broker');
  private readonly onConnected: OnConnected[] = [];
  private connection: ChannelModel | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;
  private connecting: Promise<void> | undefined;

  constructor(@Inject(BROKER_OPTIONS) private readonly options: BrokerOptions) {}

  get current(): ChannelModel | undefined {
    return this.connection;
  }

  /** Registers setup work; it runs on the current connection, if any, and on every later one. */
  async whenConnected(work: OnConnected): Promise<void> {
    this.onConnected.push(work);
    if (this.connection) await work(this.connection);
  }

  start(): void {
    if (!this.connecting && !this.connection) this.connecting = this.connect();
  }

  /** Drops the connection (a confirm that never came): it reconnects at once. */
  abandon(reason: string): void {
    const connection = this.connection;
    if (!connection) return;
    this.logger.warn(`Dropping the broker connection: ${reason}`);
    this.lost(connection);
    // Not a polite close: its handshake would wait on the same dead link. Destroying the socket
    // also tells the broker at once (if it can hear) to requeue what this connection held.
    const socket = (connection.connection as unknown as { stream?: { destroy(): void } }).stream;
    socket?.destroy();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    await this.connecting;
    const connection = this.connection;
    this.connection = undefined;
    await connection?.close().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    let connection: ChannelModel | undefined;
    try {
      const url = new URL(this.options.url);
      url.searchParams.set('heartbeat', String(this.options.heartbeatSeconds));
      // noDelay: without it Nagle's algorithm holds small frames (a publish, an ack) for the
      // peer's delayed ACK, about 40 ms each way.
      connection = await connect(url.toString(), {
        timeout: this.options.timeoutMs,
        noDelay: true,
      });
      connection.on('error', (error: Error) =>
        this.logger.warn(`Broker connection error: ${error.message}`),
      );
      const opened = connection;
      connection.on('close', () => this.lost(opened));
      // Setup runs before the connection is made current, so work registered meanwhile runs
      // exactly once: in this loop (it reads the array live), or at once in whenConnected().
      for (const work of this.onConnected) await work(connection);
      if (this.stopped) {
        await connection.close();
        return;
      }
      this.connection = connection;
      this.logger.log('Connected to the broker');
      if (this.failures > 0) this.logger.log('Broker connection restored');
      this.failures = 0;
    } catch (error) {
      this.failures++;
      this.logger.warn(
        `Broker unreachable (attempt ${this.failures}): ${(error as Error).message}`,
      );
      void connection?.close().catch(() => undefined);
      this.scheduleReconnect();
    } finally {
      this.connecting = undefined;
    }
  }

  private lost(connection: ChannelModel): void {
    if (this.connection !== connection) return;
    this.connection = undefined;
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    const delay = Math.min(MAX_RECONNECT_DELAY_MS, 100 * 2 ** Math.min(this.failures, 6));
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.start();
    }, delay);
    this.reconnectTimer.unref();
  }
}
