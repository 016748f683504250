import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Faults, parseFaults } from './faults';
import { jsonReply, problemReply, readBody, send } from './http';
import { type EndpointStats, type Outcome, PartnerEndpoint } from './partner-endpoint';
import { erxNetwork, pharmacy } from './partners';

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string | null;
  /** `null` when the request was left unanswered (a hang, or the server closing). */
  readonly status: number | null;
  readonly msg: string;
  readonly durationMs: number;
}

export interface FakePartnersStats {
  readonly prescriptions: EndpointStats;
  readonly shipments: EndpointStats;
}

export interface FakePartnersServer {
  readonly server: Server;
  /** Resolves with the port actually bound, so tests can ask for port 0. */
  listen(port: number, host?: string): Promise<number>;
  /** Also ends hung requests and pending latency, which would otherwise hold it open. */
  close(): Promise<void>;
  stats(): FakePartnersStats;
  /** Clears stats, stored responses and faults. */
  reset(): void;
  /** Replaces the faults (a setting left out means no fault); throws on an invalid one. */
  setFaults(faults: Partial<Faults>): Faults;
}

export function createFakePartnersServer(
  options: {
    /** Faults in force from the start, until replaced or reset. */
    faults?: Partial<Faults>;
    /** Called once per request; the server itself never logs, so tests stay quiet. */
    onRequest?: (entry: RequestLogEntry) => void;
  } = {},
): FakePartnersServer {
  const endpoints = {
    prescriptions: new PartnerEndpoint(erxNetwork),
    shipments: new PartnerEndpoint(pharmacy),
  };
  const byPath = new Map(
    Object.values(endpoints).map((endpoint) => [endpoint.spec.path, endpoint]),
  );
  let faults = parseFaults(options.faults ?? {});
  let closing = new AbortController();

  // Faults touch only the partner routes, so /health always answers.
  const route = async (
    request: IncomingMessage,
    path: string,
    key: string | undefined,
  ): Promise<Outcome | 'dropped'> => {
    const rawBody = await readBody(request);
    const allow = path === '/health' ? 'GET' : 'POST';
    if (request.method !== allow && (path === '/health' || byPath.has(path))) {
      return problemReply(405, `${request.method} is not allowed on ${path}`, {
        headers: { allow },
      });
    }
    if (path === '/health') return jsonReply(200, { status: 'ok' }, 'health');
    const endpoint = byPath.get(path);
    if (!endpoint) return problemReply(404, `no route for ${path}`);
    // Read once so latency and the fault rolls all see the faults in force on arrival.
    const current = faults;
    if (current.latencyMs > 0) {
      const waited = await sleep(current.latencyMs, true, { signal: closing.signal }).catch(
        () => false,
      );
      if (!waited) return 'dropped';
    }
    return endpoint.handle(key, rawBody, current);
  };

  const server = createServer((request, response) => {
    const started = performance.now();
    const path = (request.url ?? '/').split('?')[0];
    const header = request.headers['idempotency-key'];
    const key = typeof header === 'string' && header !== '' ? header : undefined;
    const log = (status: number | null, msg: string) =>
      options.onRequest?.({
        method: request.method ?? '',
        path,
        idempotencyKey: key ?? null,
        status,
        msg,
        durationMs: Math.round(performance.now() - started),
      });
    route(request, path, key)
      .catch((error: unknown) =>
        problemReply(500, 'unexpected error in the fake partner', {
          msg: `error: ${String(error)}`,
        }),
      )
      .then((outcome) => {
        if (outcome === 'hang') return log(null, 'hanging (injected fault)');
        if (outcome === 'dropped') return log(null, 'dropped: server closing');
        // The client may have given up during injected latency; no status reached it, so log none.
        if (response.destroyed) return log(null, `client gone before the reply (${outcome.msg})`);
        send(response, outcome);
        log(outcome.status, outcome.msg);
      })
      // Never let a throwing onRequest hook take the process down.
      .catch(() => undefined);
  });

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        if (closing.signal.aborted) closing = new AbortController();
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: () =>
      new Promise((resolve, reject) => {
        closing.abort();
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        // Hung requests keep their sockets busy; without this close() would wait for clients.
        server.closeAllConnections();
      }),
    stats: () => ({
      prescriptions: endpoints.prescriptions.stats(),
      shipments: endpoints.shipments.stats(),
    }),
    reset: () => {
      Object.values(endpoints).forEach((endpoint) => endpoint.reset());
      faults = parseFaults({});
    },
    setFaults: (next) => (faults = parseFaults(next)),
  };
}
