import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';

/** A decided response; `msg` says what happened, for the request log. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly msg: string;
}

export const jsonReply = (status: number, body: unknown, msg: string, headers = {}): Reply => ({
  status,
  body,
  msg,
  headers: { 'content-type': 'application/json', ...headers },
});

const TYPE_BASE = 'https://fake-partners.example/problems/';

/** Problems a client may want to tell apart; anything else is `about:blank`, per RFC 9457. */
export const PROBLEM_KINDS = {
  invalidRequest: { type: `${TYPE_BASE}invalid-request`, title: 'Invalid request' },
  keyReused: {
    type: `${TYPE_BASE}idempotency-key-reused`,
    title: 'Idempotency key reused with a different body',
  },
  rejected: { type: `${TYPE_BASE}rejected`, title: 'Rejected by partner' },
};

export function problemReply(
  status: number,
  detail: string,
  {
    kind,
    msg = detail,
    headers = {},
  }: {
    kind?: { type: string; title: string };
    msg?: string;
    headers?: Record<string, string>;
  } = {},
): Reply {
  const body = {
    type: kind?.type ?? 'about:blank',
    title: kind?.title ?? STATUS_CODES[status],
    status,
    detail,
  };
  return { status, body, msg, headers: { 'content-type': 'application/problem+json', ...headers } };
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
    // A client that disconnects mid-body emits neither 'end' nor always 'error'.
    request.on('close', () => reject(new Error('request closed before its body was read')));
  });
}

export function send(response: ServerResponse, reply: Reply): void {
  // The client may be gone (it gave up during injected latency); writing would go nowhere.
  if (response.writableEnded || response.destroyed) return;
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  response
    .writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(text) })
    .end(text);
}
