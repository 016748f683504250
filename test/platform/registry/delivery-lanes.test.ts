import { DomainEvent, EventBus, UnitOfWork } from '@pharmacy/platform';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { bootRegistry } from '../../support/registry-testing';
import { testEnv } from '../../support/test-env';
import { waitFor } from '../../support/wait-for';

class CrateLoadedEvent extends DomainEvent<{ crate: number }> {
  static readonly type = 'test.crate-loaded';
  static readonly version = 1;
}

/** A promise the test resolves when it chooses: a subscriber held until then. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * The registry delivers after commit without holding up the publisher, in at most
 * `concurrency` lanes per process, and a shutdown lets started deliveries finish first.
 */
describe('Delivery lanes', () => {
  it('let the unit of work return while its subscriber is still running', async () => {
    const app = await bootRegistry();
    const held = gate();
    try {
      const ran: number[] = [];
      app.get(EventBus).subscribe(CrateLoadedEvent, `test.unload-${randomUUID()}`, async (e) => {
        await held.opened;
        ran.push(e.payload.crate);
      });
      let returned = false;
      const publishing = app
        .get(UnitOfWork)
        .run(() => app.get(EventBus).publish(new CrateLoadedEvent({ crate: 1 })))
        .then(() => (returned = true));

      // Were delivery on the publisher's path, this would wait for the gate, which never opens.
      await waitFor('the unit of work to return', () => returned);
      expect(ran).toEqual([]);
      held.open();
      await publishing;
      await waitFor('the delivery', () => ran.length === 1);
    } finally {
      held.open();
      await app.close();
    }
  });

  it('run at most `concurrency` deliveries at once, and every one in the end', async () => {
    const concurrency = 3;
    const app = await bootRegistry({ concurrency });
    try {
      let running = 0;
      let most = 0;
      const done: number[] = [];
      app.get(EventBus).subscribe(CrateLoadedEvent, `test.weigh-${randomUUID()}`, async (e) => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 30));
        running -= 1;
        done.push(e.payload.crate);
      });
      const uow = app.get(UnitOfWork);
      await Promise.all(
        Array.from({ length: 12 }, (_, crate) =>
          uow.run(() => app.get(EventBus).publish(new CrateLoadedEvent({ crate }))),
        ),
      );

      await waitFor('every delivery', () => done.length === 12);
      expect(most).toBe(concurrency);
    } finally {
      await app.close();
    }
  });

  it('finish what they started before the application closes its database', async () => {
    // A lease longer than the test: only this process's own delivery can complete the row.
    const app = await bootRegistry({ leaseMs: 60_000 });
    const outsider = new Client({ connectionString: testEnv.databaseUrl });
    await outsider.connect();
    try {
      let started = false;
      app.get(EventBus).subscribe(CrateLoadedEvent, `test.seal-${randomUUID()}`, async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      const event = new CrateLoadedEvent({ crate: 7 });
      await app.get(UnitOfWork).run(() => app.get(EventBus).publish(event));
      await waitFor('the delivery to start', () => started);

      await app.close();

      const { rows } = await outsider.query(
        'select status from event_publications where event_id = $1',
        [event.eventId],
      );
      expect(rows).toEqual([{ status: 'completed' }]);
    } finally {
      await outsider.end();
    }
  });
});
