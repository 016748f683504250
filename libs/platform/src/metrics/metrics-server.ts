import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { createServer, Server } from 'node:http';
import { collectDefaultMetrics } from 'prom-client';
import { AddressInfo } from 'node:net';
import { PlatformMetrics } from './platform-metrics';

export interface MetricsOptions {
  /** Port of the Prometheus endpoint, apart from the API's; 0 serves no endpoint. */
  readonly port: number;
  /** Path of the endpoint, `/metrics` by default. */
  readonly path?: string;
  /** Address to listen on; all interfaces by default. */
  readonly host?: string;
}

export const METRICS_OPTIONS = Symbol('METRICS_OPTIONS');

/** Serves this process's metrics in the Prometheus text format, on a port of its own. */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: Server | undefined;

  constructor(
    private readonly metrics: PlatformMetrics,
    @Inject(METRICS_OPTIONS) private readonly options: MetricsOptions,
  ) {}

  /** The port it listens on, once started. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.port === 0) return;
    const path = this.options.path ?? '/metrics';
    const { registry } = this.metrics;
    // The process's own figures (CPU, memory, event-loop lag) only where someone can read them.
    collectDefaultMetrics({ register: registry });
    this.server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== path) {
        response.writeHead(404).end();
        return;
      }
      registry.metrics().then(
        (body) => response.writeHead(200, { 'content-type': registry.contentType }).end(body),
        (error: Error) => {
          this.logger.error({ err: error }, `Metrics could not be collected: ${error.message}`);
          response.writeHead(500).end();
        },
      );
    });
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => resolve());
    });
    this.logger.log(`Metrics served on :${this.port}${path}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
