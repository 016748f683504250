import { createServer, Server, Socket, connect } from 'node:net';
import { freePort } from './free-port';

/** The port a service listens on when its URL names none. */
const DEFAULT_PORTS: Record<string, number> = {
  'redis:': 6379,
  'postgres:': 5432,
  'postgresql:': 5432,
  'amqp:': 5672,
};

/**
 * A TCP proxy to a real service that a test can cut and restore, to simulate an outage without
 * stopping the shared server. While cut, the port refuses connections and open ones are reset.
 * Blackholed, connections stay open and bytes are held; frozen, every byte is dropped.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private silent = false;
  private frozen = false;

  private constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target, await freePort());
    await proxy.restore();
    return proxy;
  }

  /** A proxy to the service `url` names; {@link via} gives the URL that goes through it. */
  static inFrontOf(url: string): Promise<TcpProxy> {
    const { hostname, port, protocol } = new URL(url);
    return TcpProxy.start({ host: hostname, port: Number(port || DEFAULT_PORTS[protocol]) });
  }

  /** `url` (credentials, database, path and all) through this proxy. */
  via(url: string): string {
    const proxied = new URL(url);
    proxied.host = `127.0.0.1:${this.port}`;
    return proxied.toString();
  }

  async restore(): Promise<void> {
    if (this.server) return;
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      if (this.silent) for (const socket of [client, upstream]) socket.pause();
      this.forward(client, upstream);
      this.forward(upstream, client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  /**
   * A silent partition: connections stay open, new ones are accepted, but no byte moves either
   * way and no reset is sent, as when a network drops packets. `heal()` lets the held bytes
   * through, as TCP's retransmissions would.
   */
  blackhole(): void {
    this.silent = true;
    for (const socket of this.sockets) socket.pause();
  }

  heal(): void {
    this.silent = false;
    for (const socket of this.sockets) socket.resume();
  }

  /** Drops every byte both ways, without closing anything, until {@link thaw}. */
  freeze(): void {
    this.frozen = true;
  }

  thaw(): void {
    this.frozen = false;
  }

  private forward(from: Socket, to: Socket): void {
    from.on('data', (chunk) => {
      if (!this.frozen && !to.destroyed) to.write(chunk);
    });
    from.on('end', () => to.end());
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    // Stop accepting first: a client reconnecting the instant its socket dies must find no one.
    const closed = server ? new Promise((resolve) => server.close(resolve)) : Promise.resolve();
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}
