import { Subscriptions } from '@pharmacy/platform/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrate } from '../../../apps/notifications/src/cli/migrate';
import { brokerEnv, forgetNamespace, uniqueNamespace } from '../../support/broker';
import { ChildApp } from '../../support/child-api';
import { OTC, placeOrder, waitForOrderStatus } from '../../support/flow';
import { startStack, Stack, TEST_JWT_SECRET } from '../../support/stack';
import { testEnv } from '../../support/test-env';
import { waitFor } from '../../support/wait-for';
import { describeWithBroker } from '../../support/needs';

/**
 * The notifications module runs as a service of its own: its own process, its own schema and
 * credentials, and RabbitMQ as its only way in. The monolith (API and worker in broker mode,
 * NOTIFICATIONS_EXTRACTED=true) no longer carries the module; the patient is notified all the same.
 */
describeWithBroker('Notifications extracted into their own service', () => {
  const namespace = uniqueNamespace();
  const owner = `notifications_${randomBytes(4).toString('hex')}`; // role and schema
  let admin: Client;
  let stack: Stack;
  let service: ChildApp;
  let serviceUrl: string;

  beforeAll(async () => {
    admin = new Client({ connectionString: testEnv.databaseUrl });
    await admin.connect();
    await admin.query(`create role ${owner} login`);
    await admin.query(`create schema ${owner} authorization ${owner}`);
    const url = new URL(testEnv.databaseUrl);
    url.username = owner;
    url.searchParams.set('options', `-c search_path=${owner}`);
    serviceUrl = url.toString();
    await migrate(serviceUrl);

    const env = { ...brokerEnv(namespace), LOG_LEVEL: 'info' };
    service = await ChildApp.start('notifications', {
      ...env,
      DATABASE_URL: serviceUrl,
      JWT_SECRET: TEST_JWT_SECRET,
    });
    await waitFor('the service to reach the broker', () =>
      service.log.includes('Connected to the broker'),
    );
    stack = await startStack({ ...env, NOTIFICATIONS_EXTRACTED: 'true' });
  });

  afterAll(async () => {
    await service?.kill();
    if (stack) await forgetNamespace(namespace, stack.api.get(DataSource));
    await stack?.close();
    await admin.query(`drop schema if exists ${owner} cascade`);
    await admin.query(`drop role if exists ${owner}`);
    await admin.end();
  });

  it('notifies the patient from its own schema, hearing of the shipment only through RabbitMQ', async () => {
    const order = await placeOrder(stack, [OTC]);
    await waitForOrderStatus(stack, order.uuid, 'fulfilled');

    const response = await waitFor('the notice, served by the service', async () => {
      const answer = await fetch(`${service.baseUrl}/api/notifications`, {
        headers: { authorization: `Bearer ${await stack.token('patient1')}` },
      });
      const notices = (await answer.json()) as { orderUuid: string; kind: string }[];
      return notices.find((notice) => notice.orderUuid === order.uuid);
    });
    expect(response.kind).toBe('order_shipped');

    // Written in the service's schema, not in the monolith's table.
    const { rows: own } = await admin.query(
      `select count(*)::int as count from ${owner}.notifications where order_uuid = $1`,
      [order.uuid],
    );
    expect(own[0].count).toBe(1);
    const { rows: monolith } = await admin.query(
      'select count(*)::int as count from public.notifications where order_uuid = $1',
      [order.uuid],
    );
    expect(monolith[0].count).toBe(0);
    const inMonolith = [stack.api, stack.worker!].flatMap((app) =>
      app
        .get(Subscriptions)
        .all()
        .map((s) => s.subscriber),
    );
    expect(inMonolith.filter((name) => name.startsWith('notifications.'))).toEqual([]);
  });

  it('runs on credentials that cannot read the monolith', async () => {
    const client = new Client({ connectionString: serviceUrl });
    await client.connect();
    await expect(client.query('select count(*) from public.orders')).rejects.toThrow(
      /permission denied/,
    );
    await client.end();
  });
});
