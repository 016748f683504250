import { createServer, Server, Socket, connect } from 'node:net';
import { freePort } from './free-port';

/**
 * A TCP proxy to a real service that a test can cut and restore, to simulate an outage without
 * stopping the shared server. While cut, the port refuses connections and open ones are reset.
 * While frozen, connections stay open but every byte is dropped: a silent partition.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
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

  async restore(): Promise<void> {
    if (this.server) return;
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      this.forward(client, upstream);
      this.forward(upstream, client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
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
