import * as fs from 'node:fs';
import * as path from 'node:path';
import { OrderCancelledEvent, OrderPlacedEvent } from '@pharmacy/contracts';
import { EventBus } from '@pharmacy/platform';
import {
  bootApps,
  BootedApps,
  classFiles,
  collectCatalog,
  contractClasses,
  readRegistrations,
} from '../../scripts/docs/collect-catalog';
import { scanContracts } from '../../scripts/docs/contract-sources';
import { buildCatalog, CATALOG_PATH, renderCatalog } from '../../scripts/docs/event-catalog';
import { testEnv } from '../support/test-env';

/**
 * docs/events.md cannot drift from the code: the same functions `npm run docs:events` runs
 * render the catalog of the apps booted here, and the result must equal the committed file. The
 * other cases show the comparison and the cross-checks bite: a new subscription changes the
 * rendering, and registrations or publishers that disagree with the contracts are refused.
 */
describe('The event catalog', () => {
  const repoRoot = path.resolve(__dirname, '../..');
  const committed = () => fs.readFileSync(path.join(repoRoot, CATALOG_PATH), 'utf8');
  let apps: BootedApps;

  // A fresh pair of apps per case: the cases below add subscriptions to them.
  beforeEach(async () => {
    apps = await bootApps({ databaseUrl: testEnv.databaseUrl, redisUrl: testEnv.redisUrl });
  });
  afterEach(() => apps.close());

  it(`is what ${CATALOG_PATH} holds (if not: run npm run docs:events)`, () => {
    const { catalog, problems } = collectCatalog(apps, repoRoot);

    expect(problems).toEqual([]);
    expect(renderCatalog(catalog)).toBe(committed());
  });

  it('changes as soon as a module subscribes to one more event', () => {
    for (const app of [apps.api, apps.worker]) {
      app
        .get(EventBus)
        .subscribe(OrderCancelledEvent, 'catalog-probe.refund-when-order-cancelled', () => {});
    }

    const { catalog, problems } = collectCatalog(apps, repoRoot);
    const rendered = renderCatalog(catalog);

    expect(problems).toEqual([]);
    expect(rendered).not.toBe(committed());
    const section = rendered.split('### orders.order-cancelled')[1].split('\n### ')[0];
    expect(section).toContain(
      '| `catalog-probe.refund-when-order-cancelled` | catalog-probe | — |',
    );
    expect(rendered).toContain(
      'event_orders_order_cancelled -->|"refund-when-order-cancelled"| module_catalog_probe',
    );
  });

  it('refuses a subscriber that only one of the apps registers', () => {
    apps.api.get(EventBus).subscribe(OrderPlacedEvent, 'catalog-probe.api-only', () => {});

    expect(collectCatalog(apps, repoRoot).problems).toEqual([
      expect.stringMatching(
        /^Subscriber "catalog-probe\.api-only" is registered by the api app but not by the worker app/,
      ),
    ]);
  });

  it('refuses jobs enqueued on a queue that no processor takes', () => {
    for (const app of [apps.api, apps.worker]) {
      app.get(EventBus).subscribe(OrderPlacedEvent, 'catalog-probe.enqueue-nowhere', () => {}, {
        enqueues: ['catalog-probe-queue'],
      });
    }

    expect(collectCatalog(apps, repoRoot).problems).toEqual([
      expect.stringContaining(
        'enqueue jobs on "catalog-probe-queue", but no app registers a @Processor',
      ),
    ]);
  });

  it('refuses a queue that a processor takes but no subscriber declares it enqueues on', () => {
    const apps_ = readRegistrations(apps).map((app) => ({
      ...app,
      subscriptions: app.subscriptions.map((s) => ({ ...s, enqueues: [] })),
    }));
    const { problems } = buildCatalog({ ...inputs(), apps: apps_ });

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
    const moved = new Map(inputs().classFiles).set('PlaceOrderHandler', 'libs/ehr/src/probe.ts');
    const withoutApply = readRegistrations(apps).map((app) => ({
      ...app,
      publishers: app.publishers.filter((p) => p.className !== 'ApplyClinicalDecisionsHandler'),
    }));

    const { problems } = buildCatalog({ ...inputs(), apps: withoutApply, classFiles: moved });

    expect(problems).toEqual([
      expect.stringContaining(
        'OrderCancelledEvent ("orders.order-cancelled") belongs to the orders module, but no provider in libs/orders/src declares @Publishes(OrderCancelledEvent)',
      ),
      expect.stringContaining(
        'OrderPlacedEvent ("orders.order-placed") belongs to the orders module, but no provider in libs/orders/src declares @Publishes(OrderPlacedEvent)',
      ),
      expect.stringContaining(
        'OrderReadyForFulfillmentEvent ("orders.order-ready-for-fulfillment") belongs to the orders module',
      ),
      expect.stringContaining(
        'libs/ehr/src/probe.ts publishes OrderPlacedEvent, but that event belongs to the orders module',
      ),
      expect.stringContaining(
        'libs/ehr/src/probe.ts publishes OrderReadyForFulfillmentEvent, but that event belongs to the orders module',
      ),
    ]);
  });

  /** The generator's own inputs, for cases that change one of them. */
  function inputs() {
    return {
      contractClasses: contractClasses(),
      contracts: scanContracts(repoRoot),
      apps: readRegistrations(apps),
      classFiles: classFiles(repoRoot),
    };
  }
});
