import { DEMO_USERS } from '@pharmacy/identity';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChildApp } from '../support/child-api';
import { partnersAndChildEnv } from '../support/child-env';
import { OTC } from '../support/flow';
import { CollectedSpan, TraceCollector } from '../support/trace-collector';
import { signTestToken } from '../support/tokens';
import { waitFor } from '../support/wait-for';

const token = (user: keyof typeof DEMO_USERS) => signTestToken(user);

/** The chain of spans from `span` up to its trace's root, root first. */
function ancestry(spans: readonly CollectedSpan[], span: CollectedSpan): CollectedSpan[] {
  const byId = new Map(spans.map((candidate) => [candidate.spanId, candidate]));
  const chain = [span];
  for (let parent = span.parentSpanId; parent; parent = byId.get(parent)?.parentSpanId) {
    const found = byId.get(parent);
    if (!found) throw new Error(`Span ${chain[0].name} has a parent that never arrived`);
    chain.unshift(found);
  }
  return chain;
}

const relayed = (name: string) =>
  expect.stringMatching(new RegExp(`^pharmacy-(api|worker): ${name.replaceAll('.', '\\.')}$`));

const OWN_SPAN = /^(POST \/api|publish |dispatch |add |process |[a-z]+\.[a-z-]+$)/;

/**
 * The API and the worker run as real processes exporting OTLP to a receiver in this test. The
 * API's in-process delivery is cut by a fault point (the test entry point api-with-faults), so
 * every publication it records is delivered by a relay (in the API or the worker) from the table:
 * the trace must still be one, because the publication stores the trace context of the span that
 * published it.
 */
describe('One trace from the placing request to the shipment, across processes', () => {
  it('links HTTP, transactions, publications, relayed deliveries, subscribers, the job and the partner call', async () => {
    const collector = await TraceCollector.start();
    const { partners, partnersUrl, env: childEnv } = await partnersAndChildEnv();
    const env = {
      ...childEnv,
      RELAY_POLL_MS: '50',
      PUBLICATION_LEASE_MS: '1000',
      ...collector.exporterEnv(),
    };
    const children: ChildApp[] = [];
    try {
      const api = await ChildApp.start('api-with-faults', {
        ...env,
        FAULT_POINTS: 'events.before-dispatch:throw',
      });
      children.push(api);
      children.push(await ChildApp.start('worker', env));
      const placed = await fetch(`${api.baseUrl}/api/orders`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token('patient1')}`,
        },
        body: JSON.stringify({ items: [{ productId: OTC, quantity: 1 }], fulfillmentState: 'CA' }),
      });
      expect(placed.status).toBe(201);
      const { uuid } = (await placed.json()) as { uuid: string };

      const root = await waitFor('the placing request span', () =>
        collector.spans().find((span) => span.name === 'POST /api/orders' && span.kind === 2),
      );
      // The flow ends with the patient told of the shipment, in the worker; spans arrive from
      // both processes in batches, so wait until the tree is whole: every parent has arrived.
      let seen = 'nothing yet';
      const spans = await waitFor(
        'the whole trace, from request to notification',
        () => {
          const received = collector.trace(root.traceId);
          const ids = new Set(received.map((span) => span.spanId));
          const orphans = received.filter((s) => s.parentSpanId && !ids.has(s.parentSpanId));
          const ended = received.some(
            (span) => span.name === 'notifications.notify-patient-when-order-shipped',
          );
          seen = `${received.length} spans, ${orphans.length} without their parent, notified: ${ended}`;
          return orphans.length === 0 && ended ? received : undefined;
        },
        { timeoutMs: 45_000 },
      ).catch((error: Error) => {
        throw new Error(`${error.message} (${seen})`);
      });
      const notified = spans.find(
        (span) => span.name === 'notifications.notify-patient-when-order-shipped',
      )!;
      const shipment = spans.find(
        (span) =>
          span.kind === 3 &&
          span.service === 'pharmacy-worker' &&
          span.attributes['url.full'] === `${partnersUrl}/shipments`,
      );
      expect(shipment).toBeDefined();
      expect(partners.stats().shipments.byKey[uuid]).toEqual({ attempts: 1, created: 1 });

      const label = (span: CollectedSpan) => `${span.service}: ${span.name}`;
      const path = (span: CollectedSpan) =>
        ancestry(spans, span)
          .filter((step) => OWN_SPAN.test(step.name) || step === span)
          .map(label);
      expect(path(shipment!)).toEqual([
        'pharmacy-api: POST /api/orders',
        'pharmacy-api: publish orders.order-ready-for-fulfillment',
        // Delivered from the table by whichever process's relay claimed it first.
        relayed(
          'dispatch orders.order-ready-for-fulfillment to orders.enqueue-fulfillment-when-order-ready',
        ),
        relayed('orders.enqueue-fulfillment-when-order-ready'),
        relayed('add fulfillment.fulfill-order'),
        'pharmacy-worker: process fulfillment',
        'pharmacy-worker: POST /shipments',
      ]);
      expect(path(notified).slice(-3)).toEqual([
        'pharmacy-worker: publish orders.order-fulfilled',
        'pharmacy-worker: dispatch orders.order-fulfilled to notifications.notify-patient-when-order-shipped',
        'pharmacy-worker: notifications.notify-patient-when-order-shipped',
      ]);
      const encounter = spans.find((span) => span.name === 'ehr.open-encounter-when-order-placed');
      expect(path(encounter!)).toEqual([
        'pharmacy-api: POST /api/orders',
        'pharmacy-api: publish orders.order-placed',
        relayed('dispatch orders.order-placed to ehr.open-encounter-when-order-placed'),
        relayed('ehr.open-encounter-when-order-placed'),
      ]);
      expect(encounter!.attributes).toMatchObject({
        'pharmacy.module': 'ehr',
        'pharmacy.subscriber': 'ehr.open-encounter-when-order-placed',
        'pharmacy.event.type': 'orders.order-placed',
      });
      // The subscriber's database work hangs under its own transaction.
      const subscriberWrites = spans.filter(
        (span) => span.name.startsWith('pg.query:') && ancestry(spans, span).includes(encounter!),
      );
      expect(subscriberWrites.length).toBeGreaterThan(0);

      // The waterfall script draws the same trace: one row per span, every process on one axis.
      const html = join(collector.file, '..', 'waterfall.html');
      execFileSync(process.execPath, [
        join(__dirname, '../../scripts/trace-waterfall.mjs'),
        collector.file,
        root.traceId,
        html,
      ]);
      const page = readFileSync(html, 'utf8');
      expect(page.match(/<div class="row"/g)).toHaveLength(spans.length);
      expect(page).toContain('notifications.notify-patient-when-order-shipped');
      expect(page).toContain('from pharmacy-api, pharmacy-worker');
    } finally {
      for (const child of children) await child.kill();
      await partners.close();
      await collector.stop();
    }
  }, 90_000);
});
