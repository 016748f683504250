import * as fs from 'node:fs';
import * as path from 'node:path';
import { OrderCancelledEvent, OrderPlacedEvent } from '@pharmacy/contracts';
import { EventBus } from '@pharmacy/platform';
import { bootApps, BootedApps, readDeclarations } from '../../scripts/docs/read-apps';
import { readContracts } from '../../scripts/docs/read-contracts';
import { buildCatalog, collectCatalog } from '../../scripts/docs/event-catalog';
import { CATALOG_PATH, renderCatalog } from '../../scripts/docs/events-markdown';
import { testEnv } from '../support/test-env';

/**
 * docs/events.md cannot drift from the code: the same functions `npm run docs:events` runs
 * render the catalog of the apps booted here, and the result must equal the committed file. The
 * other cases show the comparison and the cross-checks bite: a new subscription changes the
 * rendering, and declarations that disagree with each other or with the contracts are refused.
 */
describe('The event catalog', () => {
  const committed = () => fs.readFileSync(path.resolve(__dirname, '../..', CATALOG_PATH), 'utf8');
  let apps: BootedApps;

  // A fresh pair of apps per case: the cases below add subscriptions to them.
  beforeEach(async () => {
    apps = await bootApps(testEnv.databaseUrl, testEnv.redisUrl);
  });
  afterEach(() => apps.close());

  it(`is what ${CATALOG_PATH} holds (if not: run npm run docs:events)`, () => {
    const { catalog, problems } = collectCatalog(apps);

    expect(problems).toEqual([]);
    expect(renderCatalog(catalog)).toBe(committed());
  });

  it('changes as soon as a module subscribes to one more event', () => {
    for (const app of [apps.api, apps.worker]) {
      app
        .get(EventBus)
        .subscribe(OrderCancelledEvent, 'catalog-probe.refund-when-order-cancelled', () => {});
    }

    const { catalog, problems } = collectCatalog(apps);
    const rendered = renderCatalog(catalog);

    expect(problems).toEqual([]);
    expect(rendered).not.toBe(committed());
    const section = rendered.split('### orders.order-cancelled')[1].split('\n### ')[0];
    expect(section).toMatch(
      /^- \*\*Subscribers:\*\* .*`catalog-probe\.refund-when-order-cancelled`/m,
    );
    expect(rendered).toContain(
      'event_orders_order_cancelled -->|"refund-when-order-cancelled"| module_catalog_probe',
    );
  });

  it('refuses a subscriber that only one of the apps registers', () => {
    apps.api.get(EventBus).subscribe(OrderPlacedEvent, 'catalog-probe.api-only', () => {});

    expect(collectCatalog(apps).problems).toEqual([
      expect.stringMatching(
        /^Subscriber "catalog-probe\.api-only" .* is registered by another app but not by the worker app/,
      ),
    ]);
  });

  it('refuses jobs enqueued on a queue that no processor takes', () => {
    for (const app of [apps.api, apps.worker]) {
      app.get(EventBus).subscribe(OrderPlacedEvent, 'catalog-probe.enqueue-nowhere', () => {}, {
        enqueues: ['catalog-probe-queue'],
      });
    }

    expect(collectCatalog(apps).problems).toEqual([
      expect.stringContaining(
        'enqueue jobs on "catalog-probe-queue", but no app registers a @Processor',
      ),
    ]);
  });

  it('refuses a queue that a processor takes but no subscriber declares it enqueues on', () => {
    const declared = readDeclarations(apps);
    const subscriptions = declared.subscriptions.map((s) => ({ ...s, enqueues: [] }));

    const { problems } = buildCatalog({ ...declared, subscriptions }, readContracts());

    expect(problems).toEqual([
      expect.stringContaining(
        'ErxSubmissionProcessor processes the queue "erx-submission", but no subscriber declares',
      ),
      expect.stringContaining(
        'FulfillmentProcessor processes the queue "fulfillment", but no subscriber declares',
      ),
    ]);
  });

  it('refuses an event that its module declares no publisher for, or that another module publishes', () => {
    const declared = readDeclarations(apps);
    const publishers = declared.publishers
      .filter((p) => p.className !== 'ApplyClinicalDecisionsHandler')
      .map((p) => (p.className === 'PlaceOrderHandler' ? { ...p, module: 'ehr' } : p));

    const { problems } = buildCatalog({ ...declared, publishers }, readContracts());

    expect(problems).toEqual([
      expect.stringContaining(
        'OrderCancelledEvent belongs to the orders module, but no provider there declares @Publishes(OrderCancelledEvent)',
      ),
      expect.stringContaining(
        'OrderPlacedEvent belongs to the orders module, but no provider there declares @Publishes(OrderPlacedEvent)',
      ),
      expect.stringContaining(
        'OrderReadyForFulfillmentEvent belongs to the orders module, but no provider there',
      ),
      expect.stringContaining(
        'PlaceOrderHandler (ehr module) declares @Publishes(OrderPlacedEvent), but that event belongs to the orders module',
      ),
      expect.stringContaining(
        'PlaceOrderHandler (ehr module) declares @Publishes(OrderReadyForFulfillmentEvent), but',
      ),
    ]);
  });
});
