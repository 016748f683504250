import { INestApplicationContext } from '@nestjs/common';
import { DomainEvent, EventBus, PublicationQueries, UnitOfWork } from '@pharmacy/platform';
import { PublicationStore } from '@pharmacy/platform/testing';
import { DataSource } from 'typeorm';
import { bootPlatform } from '../../support/platform-app';
import { bootRegistry, fastRegistry, publicationsOf } from '../../support/registry-testing';
import { testEnv } from '../../support/test-env';
import { waitFor } from '../../support/wait-for';

class ShelfCountedEvent extends DomainEvent<{ shelf: number }> {
  static readonly type = 'test.shelf-counted';
  static readonly version = 1;
}

class ShelfRestockedEvent extends DomainEvent<{ shelf: number }> {
  static readonly type = 'test.shelf-restocked';
  static readonly version = 1;
}

/** No process of these tests subscribes under this name, so no relay claims it behind our back. */
const NOBODY = 'test.nobody-listens';

const recordFor = (app: INestApplicationContext, events: DomainEvent[], leaseMs = 0) =>
  app.get(UnitOfWork).run(async () => {
    const leases = [];
    for (const event of events)
      leases.push(...(await app.get(PublicationStore).record(event, [NOBODY], leaseMs)));
    return leases;
  });

/** Resolves with `work`, or rejects when it takes longer than `ms`: a wait with a deadline. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

describe('The registry lifecycle', () => {
  let app: INestApplicationContext;

  beforeAll(async () => {
    app = await bootRegistry({ retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 } });
  });

  afterAll(() => app.close());

  it('counts an attempt at each claim, so a delivery that keeps killing its process fails after N', async () => {
    const store = app.get(PublicationStore);
    const uow = app.get(UnitOfWork);
    const [recorded] = await recordFor(app, [new ShelfCountedEvent({ shelf: 1 })]); // attempt 1
    // Each claim below is followed by a "crash": no outcome is ever recorded.
    for (const attempt of [2, 3]) {
      const claimed = await uow.run(() => store.claimDue([NOBODY], 10, 0, 3));
      expect(claimed.map((c) => c.id)).toContain(recorded.id);
      const [row] = await app
        .get(DataSource)
        .query('select attempts from event_publications where id = $1', [recorded.id]);
      expect(row.attempts).toBe(attempt);
    }
    const last = await uow.run(() => store.claimDue([NOBODY], 10, 0, 3));
    expect(last.map((c) => c.id)).not.toContain(recorded.id);
    const [row] = await app
      .get(DataSource)
      .query('select status, attempts, last_error from event_publications where id = $1', [
        recorded.id,
      ]);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.last_error).toMatch(/never finished/);
  });

  it('claims past a row that another transaction holds locked, at once (SKIP LOCKED)', async () => {
    const store = app.get(PublicationStore);
    const recorded = await recordFor(
      app,
      [1, 2, 3].map((shelf) => new ShelfCountedEvent({ shelf })),
    );
    const held = recorded[0].id;

    // A slow delivery holds its publication's row lock for as long as its subscriber runs.
    const slow = app.get(DataSource).createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    try {
      await slow.query('select id from event_publications where id = $1 for update', [held]);
      const claimed = await within(
        2000,
        app.get(UnitOfWork).run(() => store.claimDue([NOBODY], 10, 60_000)),
      );
      const ids = claimed.map((c) => c.id);
      expect(ids).not.toContain(held);
      expect(ids).toEqual(expect.arrayContaining([recorded[1].id, recorded[2].id]));
    } finally {
      await slow.rollbackTransaction();
      await slow.release();
    }
  });

  it("marks a publication completed inside its subscriber's own transaction", async () => {
    const db = app.get(DataSource);
    const uow = app.get(UnitOfWork);
    const seen: { inside?: string; outside?: string } = {};
    app.get(EventBus).subscribe(ShelfRestockedEvent, 'test.check-own-completion', async (event) => {
      const query = `select status from event_publications where event_id = $1 and subscriber = $2`;
      const params = [event.eventId, 'test.check-own-completion'];
      [{ status: seen.inside }] = await uow.manager.query(query, params);
      [{ status: seen.outside }] = await db.query(query, params); // another connection
    });
    const event = new ShelfRestockedEvent({ shelf: 9 });
    await uow.run(() => app.get(EventBus).publish(event));

    // Both reads done: `inside` is set while the second query is still on its way.
    await waitFor('the delivery', () => seen.outside);
    // Completed in the subscriber's transaction, which has not committed yet.
    expect(seen).toEqual({ inside: 'completed', outside: 'pending' });
    // The subscriber has returned; its transaction commits a moment later.
    const rows = await waitFor('the delivery to commit', async () => {
      const current = await publicationsOf(app, event.eventId);
      return current[0]?.status === 'completed' ? current : undefined;
    });
    expect(rows).toEqual([expect.objectContaining({ status: 'completed', attempts: 1 })]);
  });

  it('reports pending, processing, stale and failed in one place, with the oldest age', async () => {
    await recordFor(app, [new ShelfCountedEvent({ shelf: 20 })], 60_000); // leased: processing
    await recordFor(app, [new ShelfCountedEvent({ shelf: 21 })], 0); // lease ran out: stale
    const backlog = await app.get(PublicationQueries).backlog();
    expect(backlog.processing).toBeGreaterThanOrEqual(1);
    expect(backlog.stale).toBeGreaterThanOrEqual(1);
    expect(backlog.failed).toBeGreaterThanOrEqual(1); // the one that kept dying, above
    expect(backlog.pending).toBeGreaterThanOrEqual(backlog.processing + backlog.stale);
    expect(backlog.oldestPendingAgeMs).toBeGreaterThanOrEqual(0);
  });
});

describe('A subscriber slower than its lease, on a pool of one connection', () => {
  it('is delivered once, and its follow-up chain never needs a second connection', async () => {
    const leaseMs = 300;
    const options = {
      eventBusBackend: 'registry' as const,
      registry: fastRegistry({ leaseMs, pollIntervalMs: 20, concurrency: 1 }),
      // A second connection would wait at most 2 s, then fail the delivery: visible as attempts.
      database: {
        type: 'postgres' as const,
        url: testEnv.databaseUrl,
        poolSize: 1,
        extra: { connectionTimeoutMillis: 2000 },
      },
    };
    const [first, second] = await Promise.all([bootPlatform(options), bootPlatform(options)]);
    try {
      const runs: string[] = [];
      const restocked: number[] = [];
      for (const [name, app] of [
        ['first', first],
        ['second', second],
      ] as const) {
        const bus = app.get(EventBus);
        bus.subscribe(ShelfCountedEvent, 'test.restock-slowly', async ({ payload }) => {
          runs.push(name);
          await new Promise((resolve) => setTimeout(resolve, leaseMs * 4));
          await bus.publish(new ShelfRestockedEvent({ shelf: payload.shelf }));
        });
        bus.subscribe(ShelfRestockedEvent, 'test.note-restock', async ({ payload }) => {
          await app.get(UnitOfWork).manager.query('select 1');
          restocked.push(payload.shelf);
        });
      }
      const event = new ShelfCountedEvent({ shelf: 42 });
      await first.get(UnitOfWork).run(() => first.get(EventBus).publish(event));

      await waitFor('the follow-up', () => (restocked.length > 0 ? true : undefined), {
        timeoutMs: 10_000,
      });
      // A second delivery would have started while the first slept, long before this point.
      const [row] = await publicationsOf(first, event.eventId);
      expect(row).toMatchObject({ status: 'completed', attempts: 1, last_error: null });
      expect(runs).toHaveLength(1);
      expect(restocked).toEqual([42]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
