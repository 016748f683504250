import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { erxNetwork } from './erx-network';
import { type Faults, InvalidFaultsError, NO_FAULTS, parseFaults } from './faults';
import { BodyTooLargeError, emptyReply, jsonReply, readBody, type Reply, send } from './http-io';
import { type Outcome, PartnerEndpoint } from './partner-endpoint';
import type { FakePartnersStats } from './partner-stats';
import { pharmacy } from './pharmacy';
import { PROBLEM_KINDS, problemReply } from './problem';

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string | null;
  /** `null` when the request was left unanswered (a hang, or the server closing). */
  readonly status: number | null;
  readonly msg: string;
  readonly durationMs: number;
}

export interface FakePartnersOptions {
  /** Faults in force from the start, until replaced or reset. */
  readonly faults?: Partial<Faults>;
  /** Source of the rate-fault rolls; inject a fixed one to make rates deterministic. */
  readonly random?: () => number;
  /** Called once per request; the server itself never logs, so tests stay quiet. */
  readonly onRequest?: (entry: RequestLogEntry) => void;
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
  /** Replaces the faults (omitted settings mean no fault); throws InvalidFaultsError. */
  setFaults(faults: Partial<Faults>): Faults;
}

type Route = (request: IncomingMessage, rawBody: string) => Promise<Outcome | 'dropped'> | Outcome;

const MAX_BODY_BYTES = 1024 * 1024;

export function createFakePartnersServer(options: FakePartnersOptions = {}): FakePartnersServer {
  const random = options.random ?? Math.random;
  const prescriptions = new PartnerEndpoint(erxNetwork);
  const shipments = new PartnerEndpoint(pharmacy);
  const endpoints = [prescriptions, shipments];
  let faults = parseFaults(options.faults ?? {});
  let closing = new AbortController();

  const setFaults = (next: Partial<Faults>): Faults => (faults = parseFaults(next));
  const stats = (): FakePartnersStats => ({
    prescriptions: prescriptions.stats.snapshot(),
    shipments: shipments.stats.snapshot(),
  });
  const reset = (): void => {
    endpoints.forEach((endpoint) => endpoint.reset());
    faults = NO_FAULTS;
  };

  const resetRoute: Route = () => {
    reset();
    return emptyReply(204, 'reset');
  };

  const partnerRoute =
    (endpoint: PartnerEndpoint): Route =>
    async (request, rawBody) => {
      // Read once so latency and the fault rolls all see the faults in force on arrival.
      const current = faults;
      if (current.latencyMs > 0) {
        const waited = await sleep(current.latencyMs, true, { signal: closing.signal }).catch(
          () => false,
        );
        if (!waited) return 'dropped';
      }
      return endpoint.handle({ idempotencyKey: idempotencyKey(request), rawBody }, current, random);
    };

  // Path, then method. Faults touch only the partner routes so tests can always reach the rest.
  const routes = new Map<string, Map<string, Route>>([
    ['/health', new Map([['GET', () => jsonReply(200, { status: 'ok' }, 'health')]])],
    [
      '/__faults',
      new Map<string, Route>([
        ['GET', () => jsonReply(200, faults, 'faults read')],
        ['PUT', (_request, rawBody) => replaceFaults(rawBody, setFaults)],
      ]),
    ],
    ['/__stats', new Map([['GET', () => jsonReply(200, stats(), 'stats read')]])],
    ['/__reset', new Map([['POST', resetRoute]])],
    ...endpoints.map((endpoint): [string, Map<string, Route>] => [
      endpoint.spec.path,
      new Map([['POST', partnerRoute(endpoint)]]),
    ]),
  ]);

  const route = (request: IncomingMessage, path: string, rawBody: string) => {
    const methods = routes.get(path);
    if (!methods) return problemReply(404, `no route for ${path}`);
    const handler = methods.get(request.method ?? '');
    if (!handler) {
      const allow = [...methods.keys()].join(', ');
      return problemReply(405, `${request.method} is not allowed on ${path}`, {
        headers: { allow },
      });
    }
    return handler(request, rawBody);
  };

  const handleRequest = async (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const path = (request.url ?? '/').split('?')[0];
    let outcome: Outcome | 'dropped';
    try {
      outcome = await route(request, path, await readBody(request, MAX_BODY_BYTES));
    } catch (error) {
      outcome = failureReply(error);
    }
    const log = (status: number | null, msg: string) =>
      options.onRequest?.({
        method: request.method ?? '',
        path,
        idempotencyKey: idempotencyKey(request) ?? null,
        status,
        msg,
        durationMs: Math.round(performance.now() - started),
      });
    if (outcome === 'hang' || outcome === 'dropped') return log(null, UNANSWERED[outcome]);
    // The client may have given up during injected latency; no status reached it, so log none.
    if (response.destroyed) return log(null, `client gone before the reply (${outcome.msg})`);
    send(response, outcome);
    log(outcome.status, outcome.msg);
  };

  const server = createServer((request, response) => {
    // Never let a bad request, or a throwing onRequest hook, take the process down.
    handleRequest(request, response).catch((error: unknown) => send(response, failureReply(error)));
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
    stats,
    reset,
    setFaults,
  };
}

const UNANSWERED = {
  hang: 'hanging (injected fault)',
  dropped: 'dropped: server closing',
} as const;

function idempotencyKey(request: IncomingMessage): string | undefined {
  const value = request.headers['idempotency-key'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function replaceFaults(rawBody: string, setFaults: (next: Partial<Faults>) => Faults): Reply {
  let input: unknown;
  try {
    input = JSON.parse(rawBody);
  } catch {
    return problemReply(400, 'the body is not valid JSON', { kind: PROBLEM_KINDS.invalidRequest });
  }
  try {
    return jsonReply(200, setFaults(input as Partial<Faults>), 'faults replaced');
  } catch (error) {
    if (!(error instanceof InvalidFaultsError)) throw error;
    return problemReply(400, error.message, { kind: PROBLEM_KINDS.invalidRequest });
  }
}

function failureReply(error: unknown): Reply {
  if (error instanceof BodyTooLargeError) {
    // The unread rest of the body would otherwise be parsed as the next request.
    return problemReply(413, error.message, { headers: { connection: 'close' } });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return problemReply(500, 'unexpected error in the fake partner', { msg: `error: ${reason}` });
}
