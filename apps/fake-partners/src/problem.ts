import { STATUS_CODES } from 'node:http';
import type { Reply } from './http-io';

export interface ProblemKind {
  readonly type: string;
  readonly title: string;
}

const TYPE_BASE = 'https://fake-partners.example/problems/';

/** Problems a client may want to tell apart; anything else is `about:blank`, per RFC 9457. */
export const PROBLEM_KINDS = {
  invalidRequest: { type: `${TYPE_BASE}invalid-request`, title: 'Invalid request' },
  keyReused: {
    type: `${TYPE_BASE}idempotency-key-reused`,
    title: 'Idempotency key reused with a different body',
  },
  rejected: { type: `${TYPE_BASE}rejected`, title: 'Rejected by partner' },
} satisfies Record<string, ProblemKind>;

export function problemReply(
  status: number,
  detail: string,
  options: { kind?: ProblemKind; msg?: string; headers?: Record<string, string> } = {},
): Reply {
  const { kind, msg = detail, headers = {} } = options;
  const type = kind?.type ?? 'about:blank';
  const title = kind?.title ?? STATUS_CODES[status] ?? 'Error';
  return {
    status,
    body: { type, title, status, detail },
    msg,
    headers: { 'content-type': 'application/problem+json', ...headers },
  };
}
