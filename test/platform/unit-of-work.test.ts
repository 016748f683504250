import { DataSource } from 'typeorm';
import { UnitOfWork } from '@pharmacy/platform';
import { testEnv } from '../support/test-env';

/**
 * The unit of work on its own, with no event bus: the after-commit queue is its guarantee, and
 * both backends stand on it. A real PostgreSQL decides what committed.
 */
describe('The unit of work', () => {
  let dataSource: DataSource;
  let uow: UnitOfWork;

  beforeAll(async () => {
    dataSource = await new DataSource({
      type: 'postgres',
      url: testEnv.databaseUrl,
      poolSize: 4,
    }).initialize();
    await dataSource.query(
      'create table if not exists uow_probe (id serial primary key, label text not null)',
    );
    uow = new UnitOfWork(dataSource);
  });

  afterAll(() => dataSource.destroy());

  const insert = (label: string) =>
    uow.manager.query('insert into uow_probe (label) values ($1)', [label]);
  const labels = async (prefix: string) =>
    (
      await dataSource.query('select label from uow_probe where label like $1 order by id', [
        `${prefix}%`,
      ])
    ).map((row: { label: string }) => row.label);

  it('runs after-commit work only once the transaction has committed, in order', async () => {
    const ran: string[] = [];
    await uow.run(async () => {
      await insert('commit-a');
      await uow.afterCommit(async () => ran.push(`first saw ${await labels('commit-')}`));
      await uow.afterCommit(() => ran.push('second'));
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(['first saw commit-a', 'second']);
  });

  it('runs after-release work once the connection is back in the pool, and drops it on rollback', async () => {
    // A pool of one: the work can reach the database only if the unit gave its connection back.
    const single = await new DataSource({
      type: 'postgres',
      url: testEnv.databaseUrl,
      poolSize: 1,
      extra: { connectionTimeoutMillis: 2000 },
    }).initialize();
    try {
      const unit = new UnitOfWork(single);
      const ran: string[] = [];
      await unit.run(async () => {
        await unit.afterRelease(async () => {
          const [{ one }] = await single.query('select 1 as one');
          ran.push(`released, read ${one}`);
        });
        await unit.afterCommit(() => ran.push('committed'));
      });
      await unit
        .run(async () => {
          await unit.afterRelease(() => ran.push('rolled back'));
          throw new Error('rolled back on purpose');
        })
        .catch(() => undefined);
      expect(ran).toEqual(['committed', 'released, read 1']);
    } finally {
      await single.destroy();
    }
  });

  it('drops after-commit work when the transaction rolls back, and keeps none of its writes', async () => {
    const ran: string[] = [];
    await expect(
      uow.run(async () => {
        await insert('rollback-a');
        await uow.afterCommit(() => ran.push('must not run'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(ran).toEqual([]);
    expect(await labels('rollback-')).toEqual([]);
  });

  it("drops a rolled-back savepoint's writes and after-commit work, and keeps the rest", async () => {
    const ran: string[] = [];
    await uow.run(async () => {
      await insert('savepoint-outer');
      await uow.afterCommit(() => ran.push('outer'));
      await uow
        .run(async () => {
          await insert('savepoint-inner');
          await uow.afterCommit(() => ran.push('inner, rolled back'));
          throw new Error('inner refused');
        })
        .catch(() => undefined);
      await uow.run(async () => {
        await insert('savepoint-kept');
        await uow.afterCommit(() => ran.push('kept'));
      });
    });
    expect(ran).toEqual(['outer', 'kept']);
    expect(await labels('savepoint-')).toEqual(['savepoint-outer', 'savepoint-kept']);
  });

  it('runs work registered in a released savepoint only after the outer commit', async () => {
    const ran: string[] = [];
    const outer = uow.run(async () => {
      await uow.run(async () => {
        await insert('nested-inner');
        await uow.afterCommit(() => ran.push('inner'));
      });
      expect(ran).toEqual([]); // the savepoint is released, the transaction is not committed
    });
    await outer;
    expect(ran).toEqual(['inner']);
  });

  it('without savepoints, keeps a nested unit that succeeds and runs its after-commit work', async () => {
    const ran: string[] = [];
    await uow.run(
      async () => {
        await insert('joined-outer');
        await uow.run(async () => {
          await insert('joined-inner');
          await uow.afterCommit(() => ran.push('inner'));
        });
      },
      { savepoints: false },
    );
    expect(ran).toEqual(['inner']);
    expect(await labels('joined-')).toEqual(['joined-outer', 'joined-inner']);
  });

  it('without savepoints, fails the whole transaction when a nested unit fails, caught or not', async () => {
    const ran: string[] = [];
    await expect(
      uow.run(
        async () => {
          await insert('doomed-outer');
          await uow.afterCommit(() => ran.push('outer'));
          await uow
            .run(async () => {
              await insert('doomed-inner');
              throw new Error('inner refused');
            })
            .catch(() => undefined);
          await insert('doomed-after');
        },
        { savepoints: false },
      ),
    ).rejects.toThrow('inner refused');
    expect(ran).toEqual([]);
    expect(await labels('doomed-')).toEqual([]);
  });
});
