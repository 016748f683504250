import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { OTC, placeOrder, waitForOrderStatus } from '../support/flow';
import { startStack, Stack } from '../support/stack';
import { testDatabaseName, testEnv } from '../support/test-env';
import { describeWithRedis } from '../support/needs';

const ROLE = `${testDatabaseName()}_app`;

/** The test database's URL, connecting as `user`. */
function urlAs(user: string): string {
  const url = new URL(testEnv.databaseUrl);
  url.username = user;
  url.password = 'app-role-test-only';
  return url.toString();
}

// With jobs on Redis, as compose runs it: app-role.sql grants nothing on BullMQ's `bullmq`
// schema yet, so the PostgreSQL queue backend as this role is not covered.
describeWithRedis('The apps as a limited database role (deploy/postgres/app-role.sql)', () => {
  let owner: Client;
  let stack: Stack;

  beforeAll(async () => {
    owner = new Client({ connectionString: testEnv.databaseUrl });
    await owner.connect();
    await owner.query(`drop role if exists "${ROLE}"`);
    const ownerName = new URL(testEnv.databaseUrl).username || 'postgres';
    // The same file, and the same psql, as the compose init hook.
    const psql = spawnSync(
      'psql',
      [
        testEnv.databaseUrl,
        '-v',
        'ON_ERROR_STOP=1',
        '-q',
        '-v',
        `app_role=${ROLE}`,
        '-v',
        'app_password=app-role-test-only',
        '-v',
        `owner=${ownerName}`,
        '-f',
        join(__dirname, '../../deploy/postgres/app-role.sql'),
      ],
      { encoding: 'utf8' },
    );
    expect(psql.stderr).toBe('');
    expect(psql.status).toBe(0);
    stack = await startStack({ DATABASE_URL: urlAs(ROLE), QUEUE_BACKEND: 'redis' });
  });

  afterAll(async () => {
    await stack?.close();
    await owner.query(`drop owned by "${ROLE}"`);
    await owner.query(`drop role if exists "${ROLE}"`);
    await owner.end();
  });

  it('runs the whole flow: an order placed, an event delivered, a job done, the order shipped', async () => {
    const order = await placeOrder(stack, [OTC]);
    await waitForOrderStatus(stack, order.uuid, 'fulfilled');
  });

  it('cannot change the schema, read as a superuser, or make roles', async () => {
    const app = new Client({ connectionString: urlAs(ROLE) });
    await app.connect();
    try {
      const refused = (sql: string) =>
        app.query(sql).then(
          () => 'allowed',
          (error: { code?: string }) => error.code,
        );
      const [{ rolsuper, rolcreaterole, rolcreatedb }] = (
        await app.query('select * from pg_roles where rolname = current_user')
      ).rows;
      expect({ rolsuper, rolcreaterole, rolcreatedb }).toEqual({
        rolsuper: false,
        rolcreaterole: false,
        rolcreatedb: false,
      });
      expect(await refused('create table intruder (id int)')).toBe('42501');
      expect(await refused('drop table orders')).toBe('42501');
      expect(await refused('alter table users add column pwned text')).toBe('42501');
      expect(await refused("select pg_read_file('/etc/passwd')")).toBe('42501');
      expect(await refused('select count(*) from orders')).toBe('allowed');
    } finally {
      await app.end();
    }
  });
});
