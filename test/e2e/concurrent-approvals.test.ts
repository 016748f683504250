import { INestApplicationContext } from '@nestjs/common';
import { OrderReadyForFulfillmentEvent } from '@pharmacy/contracts';
import { EventBus } from '@pharmacy/platform';
import { DataSource } from 'typeorm';
import { RX_A, RX_B, RX_C, pendingRequestsOf, placeOrder } from '../support/flow';
import { startStack, Stack } from '../support/stack';
import { waitFor } from '../support/wait-for';
import { describeEachQueueBackend } from '../support/needs';

const ORDERS = 40;

/** Counts every OrderReadyForFulfillmentEvent delivered in a process, per order. */
function countReadyEvents(app: INestApplicationContext, name: string): Map<string, number> {
  const counts = new Map<string, number>();
  app
    .get(EventBus)
    .subscribe(OrderReadyForFulfillmentEvent, `test.count-ready-${name}`, ({ payload }) => {
      counts.set(payload.orderUuid, (counts.get(payload.orderUuid) ?? 0) + 1);
    });
  return counts;
}

describeEachQueueBackend('Concurrent approvals', (backend) => {
  let stack: Stack;

  beforeAll(async () => {
    // A small pool on purpose: 120 approvals at once must queue for connections, never starve.
    // Jobs on PostgreSQL hold each enqueuing subscriber's connection for a few ms instead of
    // Redis's fraction of one (adds serialise on BullMQ's NOTIFY; see the queue-backends ADR).
    stack = await startStack({
      DATABASE_POOL_SIZE: backend === 'redis' ? '5' : '10',
      RELAY_CONCURRENCY: '2',
      QUEUE_BACKEND: backend,
    });
  });

  afterAll(() => stack.close());

  it(`decide each of ${ORDERS} orders exactly once and ship each exactly once`, async () => {
    const readyInApi = countReadyEvents(stack.api, 'api');
    const readyInWorker = countReadyEvents(stack.worker!, 'worker');
    const provider = await stack.token('providerCa');

    const orders = await Promise.all(
      Array.from({ length: ORDERS }, () => placeOrder(stack, [RX_A, RX_B, RX_C])),
    );
    const requests = (
      await Promise.all(orders.map((order) => pendingRequestsOf(stack, order.uuid, 3)))
    ).flat();

    // Every request of every order at once: the last approvals of an order commit together.
    const answers = await Promise.all(
      requests.map((request) =>
        stack.http
          .post(`/api/prescription-requests/${request.id}/approve`)
          .auth(provider, { type: 'bearer' })
          .send({ sig: 'Once daily.', refills: 1 }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(requests.map(() => 201));

    const db = stack.api.get(DataSource);
    const uuids = orders.map((order) => order.uuid);
    await waitFor(
      'every order fulfilled',
      async () => {
        const [{ count }] = await db.query(
          `select count(*)::int as count from orders where uuid = any($1) and status = 'fulfilled'`,
          [uuids],
        );
        return count === ORDERS;
      },
      { timeoutMs: 30_000 },
    );

    const shipments = stack.partners.stats().shipments.byKey;
    // Which process delivers a publication is not part of the guarantee (the relay of either may
    // take it over); that each order's readiness is delivered exactly once, in all, is.
    for (const uuid of uuids) {
      expect((readyInApi.get(uuid) ?? 0) + (readyInWorker.get(uuid) ?? 0)).toBe(1);
      expect(shipments[uuid]).toEqual({ attempts: 1, created: 1 });
    }
    // Every prescription reaches the eRx network too, once (and no job outlives this suite).
    const transmitted = await waitFor(
      'every prescription transmitted',
      async () => {
        const [{ count }] = await db.query(
          `select count(*)::int as count from prescriptions p join encounters e on e.id = p.encounter_id
           where e.order_uuid = any($1) and p.status = 'transmitted'`,
          [uuids],
        );
        return count === ORDERS * 3 ? count : undefined;
      },
      { timeoutMs: 30_000 },
    );
    expect(transmitted).toBe(ORDERS * 3);
    const erx = stack.partners.stats().prescriptions.byKey;
    expect(Object.values(erx).every((key) => key.created === 1)).toBe(true);
  });
});
