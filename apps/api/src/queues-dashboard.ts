import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { ERX_QUEUE } from '@pharmacy/ehr';
import { FULFILLMENT_QUEUE } from '@pharmacy/orders';
import { TokenVerifier } from '@pharmacy/platform';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';

export const QUEUES_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'queues_dashboard_token';

/**
 * Bull Board for the eRx and fulfillment queues, for admins only, and read-only unless `writable`
 * (retrying or removing jobs is then possible from the page). A browser cannot send a bearer
 * header on navigation, so the first visit passes the admin token as `?token=`; once the token is
 * verified as an admin's, it is kept in an HttpOnly, SameSite=Strict cookie scoped to the
 * dashboard, `Secure` whenever the request came over TLS (directly or, with TRUST_PROXY, through
 * the proxy).
 */
export function mountQueuesDashboard(
  app: INestApplication,
  { writable }: { writable: boolean },
): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUES_DASHBOARD_PATH);
  createBullBoard({
    queues: [ERX_QUEUE, FULFILLMENT_QUEUE].map(
      (name) =>
        new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }), {
          readOnlyMode: !writable,
        }),
    ),
    serverAdapter,
  });
  app.use(
    QUEUES_DASHBOARD_PATH,
    adminsOnly(app.get(TokenVerifier)),
    writable ? passThrough : readOnly,
    serverAdapter.getRouter(),
  );
}

function adminsOnly(tokens: TokenVerifier) {
  return async (request: Request, response: Response, next: NextFunction) => {
    const fromQuery = typeof request.query.token === 'string' ? request.query.token : undefined;
    const token =
      /^Bearer +(.+)$/i.exec(request.header('authorization') ?? '')?.[1] ??
      fromQuery ??
      cookie(request, COOKIE);
    const user = token ? await tokens.verify(token) : null;
    if (!user || user.role !== 'admin') {
      const path = request.originalUrl.split('?')[0]; // never echo a token back
      response
        .status(user ? 403 : 401)
        .type('application/problem+json')
        .json({
          type: 'about:blank',
          title: user ? 'Forbidden' : 'Unauthorized',
          status: user ? 403 : 401,
          detail: 'The queues dashboard is for admins: open it with ?token=<admin access token>.',
          instance: path,
        });
      return;
    }
    if (fromQuery) {
      // Into a cookie, then off the address bar, history and access logs with a redirect.
      response.cookie(COOKIE, fromQuery, {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.secure,
        path: QUEUES_DASHBOARD_PATH,
      });
      response.redirect(303, request.originalUrl.split('?')[0]);
      return;
    }
    next();
  };
}

const passThrough = (_request: Request, _response: Response, next: NextFunction) => next();

/** Refuses every change, whatever Bull Board itself would allow. */
function readOnly(request: Request, response: Response, next: NextFunction): void {
  if (request.method === 'GET' || request.method === 'HEAD') {
    next();
    return;
  }
  response
    .status(405)
    .type('application/problem+json')
    .json({
      type: 'about:blank',
      title: 'Method Not Allowed',
      status: 405,
      detail: 'The queues dashboard is read-only (QUEUES_DASHBOARD_WRITE is not true).',
      instance: request.originalUrl.split('?')[0],
    });
}

function cookie(request: Request, name: string): string | undefined {
  for (const pair of (request.header('cookie') ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined; // a mangled cookie is no token
    }
  }
  return undefined;
}
