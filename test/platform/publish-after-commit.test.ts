import { INestApplicationContext, Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DomainEvent, EventBus, UnitOfWork } from '@pharmacy/platform';
import { BACKENDS, bootPlatform } from '../support/platform-app';
import { testEnv } from '../support/test-env';
import { waitFor } from '../support/wait-for';

class ProbeWrittenEvent extends DomainEvent<{ probeId: number; label: string }> {
  static readonly type = 'test.probe-written';
  static readonly version = 1;
}

class ProbeNoticedEvent extends DomainEvent<{ probeId: number }> {
  static readonly type = 'test.probe-noticed';
  static readonly version = 1;
}

describe.each(BACKENDS)('Publishing inside a unit of work (%s backend)', (backend) => {
  let app: INestApplicationContext;
  let uow: UnitOfWork;
  let bus: EventBus;
  let received: ProbeWrittenEvent[];
  let outsider: Client;

  beforeAll(async () => {
    app = await bootPlatform({ eventBusBackend: backend });
    uow = app.get(UnitOfWork);
    bus = app.get(EventBus);
    await app
      .get(DataSource)
      .query('create table if not exists probe (id serial primary key, label text not null)');
    outsider = new Client({ connectionString: testEnv.databaseUrl });
    await outsider.connect();
    bus.subscribe(ProbeWrittenEvent, 'test.record-probe', (event) => {
      received.push(event);
    });
  });

  beforeEach(() => {
    received = [];
  });

  /** The labels received so far among `expected`, once all of them have arrived. */
  const deliveredLabels = (expected: string[]): Promise<string[]> =>
    waitFor(`deliveries of ${expected.join(', ')}`, () => {
      const labels = received.map((event) => event.payload.label);
      return expected.every((label) => labels.includes(label)) ? labels : undefined;
    });

  afterAll(async () => {
    await outsider.end();
    await app.close();
  });

  const insertProbe = async (label: string): Promise<number> => {
    const rows: { id: number }[] = await uow.manager.query(
      'insert into probe (label) values ($1) returning id',
      [label],
    );
    return rows[0].id;
  };

  it('delivers after commit, when another connection can already read the row', async () => {
    const seenByOtherConnection: number[] = [];
    bus.subscribe(ProbeWrittenEvent, 'test.read-probe-from-another-connection', async (event) => {
      const { rows } = await outsider.query('select id from probe where id = $1', [
        event.payload.probeId,
      ]);
      seenByOtherConnection.push(rows.length);
    });

    await uow.run(async () => {
      const probeId = await insertProbe('visible');
      await bus.publish(new ProbeWrittenEvent({ probeId, label: 'visible' }));
      expect(received).toHaveLength(0);
    });

    // The registry delivers in the background, after the unit of work has returned.
    expect(await deliveredLabels(['visible'])).toEqual(['visible']);
    await waitFor('the other connection to read', () => seenByOtherConnection.length > 0);
    expect(seenByOtherConnection).toEqual([1]);
  });

  it('publishes nothing when the transaction rolls back', async () => {
    await expect(
      uow.run(async () => {
        const probeId = await insertProbe('doomed');
        await bus.publish(new ProbeWrittenEvent({ probeId, label: 'doomed' }));
        throw new Error('business rule broken');
      }),
    ).rejects.toThrow('business rule broken');

    expect(received).toHaveLength(0);
    const { rows } = await outsider.query("select 1 from probe where label = 'doomed'");
    expect(rows).toHaveLength(0);
  });

  it('drops only the events of a savepoint that rolls back', async () => {
    await uow.run(async () => {
      await bus.publish(new ProbeWrittenEvent({ probeId: 1, label: 'before' }));
      await uow
        .run(async () => {
          await insertProbe('inner');
          await bus.publish(new ProbeWrittenEvent({ probeId: 2, label: 'inner' }));
          throw new Error('inner fails');
        })
        .catch(() => undefined);
      await uow.run(async () => {
        await bus.publish(new ProbeWrittenEvent({ probeId: 3, label: 'kept-savepoint' }));
      });
      await bus.publish(new ProbeWrittenEvent({ probeId: 4, label: 'after' }));
    });

    const kept = ['before', 'kept-savepoint', 'after'];
    expect((await deliveredLabels(kept)).sort()).toEqual(kept.sort());
    const { rows } = await outsider.query("select 1 from probe where label = 'inner'");
    expect(rows).toHaveLength(0);
    if (backend === 'registry') {
      // Nothing is owed for the dropped event: its publication rolled back with the savepoint.
      const owed = await outsider.query(
        "select 1 from event_publications where event->'payload'->>'label' = 'inner'",
      );
      expect(owed.rows).toHaveLength(0);
    }
  });

  it('delivers outside a unit of work too, in one of its own', async () => {
    await bus.publish(new ProbeWrittenEvent({ probeId: 7, label: 'autocommit' }));
    expect(await deliveredLabels(['autocommit'])).toEqual(['autocommit']);
  });

  it('runs after-commit work in registration order and survives a callback that throws', async () => {
    const order: string[] = [];
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const result = await uow.run(async () => {
      await uow.afterCommit(() => order.push('first'));
      await uow.afterCommit(() => {
        throw new Error('callback broken');
      });
      await uow.run(async () => {
        await uow.afterCommit(() => order.push('nested'));
      });
      await uow.afterCommit(async () => order.push('last'));
      return 'committed';
    });
    expect(result).toBe('committed');
    expect(order).toEqual(['first', 'nested', 'last']);
    expect(errors).toHaveBeenCalledWith(
      expect.stringContaining('callback broken'),
      expect.anything(),
    );
    errors.mockRestore();
  });

  it('lets a handler publish a follow-up event, delivered after the handler commits', async () => {
    const steps: string[] = [];
    bus.subscribe(ProbeNoticedEvent, 'test.collect-noticed', (event) => {
      steps.push(`noticed ${event.payload.probeId}`);
    });
    bus.subscribe(ProbeWrittenEvent, 'test.notice-probe', async (event) => {
      await bus.publish(new ProbeNoticedEvent({ probeId: event.payload.probeId }));
      steps.push('handler done');
    });

    await uow.run(() => bus.publish(new ProbeWrittenEvent({ probeId: 42, label: 'chain' })));

    await waitFor('the follow-up event', () => steps.length === 2);
    expect(steps).toEqual(['handler done', 'noticed 42']);
    await deliveredLabels(['chain']);
  });

  it('refuses nested units of work run side by side in one transaction', async () => {
    await expect(
      uow.run(() =>
        Promise.all([uow.run(() => insertProbe('left')), uow.run(() => insertProbe('right'))]),
      ),
    ).rejects.toThrow('must run one after another');
    const { rows } = await outsider.query("select 1 from probe where label in ('left', 'right')");
    expect(rows).toHaveLength(0);
  });

  it('refuses work that outlives its unit of work instead of dropping it silently', async () => {
    let leaked!: Promise<void>;
    await uow.run(async () => {
      // Started inside, never awaited: it carries the transaction's context past its end.
      leaked = (async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await bus.publish(new ProbeWrittenEvent({ probeId: 9, label: 'too late' }));
      })();
    });
    await expect(leaked).rejects.toThrow('has ended');
    expect(received).toHaveLength(0);
  });
});
