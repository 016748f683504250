import type { IncomingMessage, ServerResponse } from 'node:http';

/** A decided response; `msg` says what happened, for the request log. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly msg: string;
}

export function jsonReply(
  status: number,
  body: unknown,
  msg: string,
  headers: Record<string, string> = {},
): Reply {
  return { status, body, msg, headers: { 'content-type': 'application/json', ...headers } };
}

export function emptyReply(status: number, msg: string): Reply {
  return { status, msg, headers: {} };
}

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`request body is larger than ${limitBytes} bytes`);
  }
}

export function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        // Stop buffering; the reply closes the connection, so the rest is never read.
        req.removeAllListeners('data');
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    // A client that disconnects mid-body emits neither 'end' nor always 'error'.
    req.on('close', () => reject(new Error('request closed before its body was read')));
  });
}

export function send(res: ServerResponse, reply: Reply): void {
  // The client may be gone (it gave up during injected latency); writing would go nowhere.
  if (res.writableEnded || res.destroyed) return;
  if (reply.body === undefined) {
    res.writeHead(reply.status, reply.headers).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res
    .writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(text) })
    .end(text);
}
