import { DEMO_USERS } from '@pharmacy/identity';
import { randomUUID } from 'node:crypto';
import { ChildApp } from '../support/child-api';
import { partnersAndChildEnv } from '../support/child-env';
import { OTC, RX_A } from '../support/flow';
import { signTestToken } from '../support/tokens';
import { waitFor } from '../support/wait-for';

interface LogLine {
  msg: string;
  correlationId?: string;
  orderUuid?: string;
}

const token = (user: keyof typeof DEMO_USERS) => signTestToken(user);

const lines = (log: string): LogLine[] =>
  log
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);

/**
 * The API and the worker run as real processes writing JSON logs. One request id must be
 * traceable through every event and job it causes, in both processes' logs.
 */
describe('Following one order through the logs', () => {
  it('carries the request id through events and jobs, and the order uuid through the whole story', async () => {
    const { partners, env: childEnv } = await partnersAndChildEnv();
    const env = { ...childEnv, RELAY_POLL_MS: '100' };
    const api = await ChildApp.start('api', env);
    const worker = await ChildApp.start('worker', env);
    try {
      const send = (
        method: string,
        path: string,
        user: keyof typeof DEMO_USERS,
        headers = {},
        body?: unknown,
      ) =>
        fetch(`${api.baseUrl}${path}`, {
          method,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token(user)}`,
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });

      const placementId = `place-${randomUUID()}`;
      const placed = await send(
        'POST',
        '/api/orders',
        'patient1',
        { 'x-request-id': placementId },
        {
          items: [RX_A, OTC].map((productId) => ({ productId, quantity: 1 })),
          fulfillmentState: 'CA',
        },
      );
      expect(placed.status).toBe(201);
      expect(placed.headers.get('x-request-id')).toBe(placementId);
      const orderUuid = ((await placed.json()) as { uuid: string }).uuid;

      const request = await waitFor('the prescription request', async () => {
        const response = await send(
          'GET',
          '/api/prescription-requests?status=pending',
          'providerCa',
        );
        const pending = (await response.json()) as { id: string; orderUuid: string }[];
        return pending.find((candidate) => candidate.orderUuid === orderUuid);
      });
      const approvalId = `approve-${randomUUID()}`;
      const approved = await send(
        'POST',
        `/api/prescription-requests/${request.id}/approve`,
        'providerCa',
        { 'x-request-id': approvalId },
        { sig: 'Once daily.', refills: 0 },
      );
      expect(approved.status).toBe(201);

      const byCorrelation = (log: string, id: string) =>
        lines(log)
          .filter((line) => line.correlationId === id)
          .map((line) => line.msg);
      // The eRx job and the shipment run independently: wait for both lines.
      await waitFor('the worker to log the eRx submission and the shipment', () => {
        const logged = byCorrelation(worker.log, approvalId);
        const has = (text: string) => logged.some((msg) => msg.includes(text));
        return has('sent to eRx') && has('shipped') ? true : undefined;
      });

      expect(byCorrelation(api.log, placementId)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Order .* placed/),
          expect.stringMatching(/^Encounter .* opened/),
        ]),
      );
      expect(byCorrelation(api.log, approvalId)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/approved/),
          expect.stringMatching(/ready for fulfillment/),
        ]),
      );
      expect(byCorrelation(worker.log, approvalId)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/sent to eRx/),
          expect.stringMatching(/shipped/),
        ]),
      );

      // One grep for the order uuid across both processes tells the whole story, in order.
      const story = [...lines(api.log), ...lines(worker.log)]
        .filter((line) => line.orderUuid === orderUuid)
        .map((line) => line.msg);
      for (const chapter of [
        /placed/,
        /opened/,
        /approved/,
        /sent to eRx/,
        /ready for fulfillment/,
        /shipped/,
      ]) {
        expect(story.some((msg) => chapter.test(msg))).toBe(true);
      }

      // A W3C traceparent names the request when no X-Request-Id is given.
      const traceId = randomUUID().replaceAll('-', '');
      const traced = await send('GET', `/api/orders/${orderUuid}`, 'patient1', {
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      });
      expect(traced.headers.get('x-request-id')).toBe(traceId);
    } finally {
      await api.kill();
      await worker.kill();
      await partners.close();
    }
  }, 60_000);
});
