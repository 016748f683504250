import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainEvent, EventBus, UnitOfWork } from '@pharmacy/platform';
import { BACKENDS, bootPlatform } from '../support/platform-app';
import { waitFor } from '../support/wait-for';

class LedgerEntryWrittenEvent extends DomainEvent<{ unit: number; entryId: number }> {
  static readonly type = 'test.ledger-entry-written';
  static readonly version = 1;
}

const UNITS = 150;

describe.each(BACKENDS)('Concurrent units of work (%s backend)', (backend) => {
  let app: INestApplicationContext;

  beforeAll(async () => {
    app = await bootPlatform({ eventBusBackend: backend });
    await app
      .get(DataSource)
      .query('create table if not exists ledger (id serial primary key, unit int not null)');
  });

  afterAll(() => app.close());

  it(`never see or flush each other's queues (${UNITS} interleaved units)`, async () => {
    const bus = app.get(EventBus);
    const uow = app.get(UnitOfWork);
    const delivered = new Map<number, number[]>();
    bus.subscribe(LedgerEntryWrittenEvent, 'test.collect-ledger-entries', (event) => {
      const { unit, entryId } = event.payload;
      delivered.set(unit, [...(delivered.get(unit) ?? []), entryId]);
    });

    const committed = new Map<number, number[]>();
    await Promise.all(
      Array.from({ length: UNITS }, (_, unit) =>
        uow
          .run(async () => {
            const ids: number[] = [];
            for (let step = 0; step < 3; step++) {
              // Yield between steps so the units really interleave on the event loop.
              await new Promise((resolve) => setImmediate(resolve));
              const [{ id }] = await uow.manager.query(
                'insert into ledger (unit) values ($1) returning id',
                [unit],
              );
              ids.push(id);
              await bus.publish(new LedgerEntryWrittenEvent({ unit, entryId: id }));
            }
            if (unit % 10 === 0) throw new Error('rolled back on purpose');
            committed.set(unit, ids);
          })
          .catch(() => undefined),
      ),
    );

    const rolledBack = Array.from({ length: UNITS }, (_, u) => u).filter((u) => u % 10 === 0);
    expect(committed.size).toBe(UNITS - rolledBack.length);
    // The registry delivers in the background, in lanes side by side: wait, and compare as sets.
    const owed = [...committed.values()].flat().length;
    await waitFor('every committed entry to be delivered', () =>
      [...delivered.values()].flat().length >= owed ? true : undefined,
    );
    for (const unit of rolledBack) expect(delivered.has(unit)).toBe(false);
    const sorted = (ids: number[] = []) => [...ids].sort((a, b) => a - b);
    for (const [unit, ids] of committed) expect(sorted(delivered.get(unit))).toEqual(sorted(ids));
  });
});
