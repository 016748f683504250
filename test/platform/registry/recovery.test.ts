import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { DomainEvent, EventBus, UnitOfWork } from '@pharmacy/platform';
import { PublicationStore } from '@pharmacy/platform/testing';
import { DataSource } from 'typeorm';
import { bootRegistry } from '../../support/registry-testing';
import { waitFor } from '../../support/wait-for';

class ParcelScannedEvent extends DomainEvent<{ parcelId: number }> {
  static readonly type = 'test.parcel-scanned';
  static readonly version = 1;
}

/** Records publications as a process would just before dying: committed, never dispatched. */
async function recordWithoutDispatch(
  app: INestApplicationContext,
  events: ParcelScannedEvent[],
  subscriber: string,
  leaseMs: number,
): Promise<void> {
  const store = app.get(PublicationStore);
  await app.get(UnitOfWork).run(async () => {
    for (const event of events) await store.record(event, [subscriber], leaseMs);
  });
}

describe('Recovering publications left behind by a crash', () => {
  it('waits for the dead process lease to expire, then delivers', async () => {
    const leaseMs = 400;
    const app = await bootRegistry({ leaseMs });
    try {
      const deliveredAt: number[] = [];
      app.get(EventBus).subscribe(ParcelScannedEvent, 'test.track-parcel', () => {
        deliveredAt.push(Date.now());
      });
      const recordedAt = Date.now();
      await recordWithoutDispatch(
        app,
        [new ParcelScannedEvent({ parcelId: 1 })],
        'test.track-parcel',
        leaseMs,
      );

      await waitFor('the relay to take over', () => (deliveredAt.length === 1 ? true : undefined));
      expect(deliveredAt[0] - recordedAt).toBeGreaterThanOrEqual(leaseMs - 50);
    } finally {
      await app.close();
    }
  });

  it('two relays over one backlog deliver each publication exactly once', async () => {
    const backlog = 1500;
    // Left behind by a dead process (recorded with an expired lease); each relay leases what it
    // claims for longer than the test runs, so only SKIP LOCKED keeps them apart.
    const options = { leaseMs: 60_000, batchSize: 50, concurrency: 4, pollIntervalMs: 10 };
    const counter = `test.count-parcels-${randomUUID()}`; // its own rows, should it run again
    const [first, second] = await Promise.all([bootRegistry(options), bootRegistry(options)]);
    try {
      const deliveries = new Map<number, number>();
      const byRelay = { first: 0, second: 0 };
      for (const [name, app] of [
        ['first', first],
        ['second', second],
      ] as const) {
        app.get(EventBus).subscribe(ParcelScannedEvent, counter, ({ payload }) => {
          deliveries.set(payload.parcelId, (deliveries.get(payload.parcelId) ?? 0) + 1);
          byRelay[name] += 1;
        });
      }

      const events = Array.from(
        { length: backlog },
        (_, parcelId) => new ParcelScannedEvent({ parcelId }),
      );
      await recordWithoutDispatch(first, events, counter, 0);

      const db = first.get(DataSource);
      await waitFor(
        'the backlog to drain',
        async () => {
          const [{ left }] = await db.query(
            'select count(*)::int as left from event_publications where subscriber = $1 and status <> $2',
            [counter, 'completed'],
          );
          return left === 0 ? true : undefined;
        },
        { timeoutMs: 50_000 },
      );

      expect(deliveries.size).toBe(backlog);
      expect([...deliveries.values()].every((count) => count === 1)).toBe(true);
      expect(byRelay.first + byRelay.second).toBe(backlog);
      // Both relays took work: claims side by side, not one relay waiting out the other.
      expect(byRelay.first).toBeGreaterThan(0);
      expect(byRelay.second).toBeGreaterThan(0);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  }, 60_000); // a shared CI machine under load can take far longer than the usual 3 s

  it('waits out a lock another relay holds on the row for a moment, rather than leaving the publication to its lease', async () => {
    const app = await bootRegistry();
    const db = app.get(DataSource);
    const passingRelay = db.createQueryRunner();
    try {
      const store = app.get(PublicationStore);
      const uow = app.get(UnitOfWork);
      const [lease] = await uow.run(() =>
        store.record(
          new ParcelScannedEvent({ parcelId: 8 }),
          [`test.nobody-${randomUUID()}`],
          60_000,
        ),
      );
      // A claim that scanned the row as it changed keeps its lock until that claim commits,
      // though it takes nothing.
      await passingRelay.startTransaction();
      await passingRelay.query('select id from event_publications where id = $1 for update', [
        lease.id,
      ]);
      const completed = uow.run(() => store.complete(lease));
      await waitFor('the completion to wait on the lock', async () => {
        const [{ waiting }] = await db.query(
          "select count(*)::int as waiting from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
        );
        return waiting > 0 ? true : undefined;
      });
      await passingRelay.commitTransaction();

      expect(await completed).toBe(true);
    } finally {
      if (passingRelay.isTransactionActive) await passingRelay.rollbackTransaction();
      await passingRelay.release();
      await app.close();
    }
  });

  it('lets only the latest lease token deliver: a process whose lease expired cannot run it any more', async () => {
    const app = await bootRegistry();
    try {
      const store = app.get(PublicationStore);
      const uow = app.get(UnitOfWork);
      // No process subscribes under this name, so no relay claims it behind our back; it is
      // this test's own, so no row another suite left due is claimed instead.
      const nobody = `test.nobody-listens-${randomUUID()}`;
      const [expired] = await uow.run(() =>
        store.record(new ParcelScannedEvent({ parcelId: 7 }), [nobody], 0),
      );
      const [current] = await uow.run(() => store.claimDue([nobody], 10, 60_000));
      expect(current.id).toBe(expired.id);

      expect(await uow.run(() => store.complete(expired))).toBe(false);
      expect(await uow.run(() => store.recordFailure(expired, 'late', () => 10))).toBeNull();
      expect(await uow.run(() => store.complete(current))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
