import { OrderReadyForFulfillmentEvent } from '@pharmacy/contracts';
import { EventBus } from '@pharmacy/platform';
import { randomUUID } from 'node:crypto';
import { approvalMessages, Arrival } from '../support/ehr-decisions';
import { RX_A, RX_B, getOrder, placeOrder } from '../support/flow';
import { startStack, Stack } from '../support/stack';
import { DataSource } from 'typeorm';
import { waitFor } from '../support/wait-for';

/**
 * The order decides its review from whichever message brings the last decision. Here the EHR
 * messages are replayed straight onto the bus, many at the same instant and in both orders, as
 * redeliveries and races would bring them.
 */
describe('Concluding clinical review', () => {
  let stack: Stack;
  let bus: EventBus;
  const ready = new Map<string, number>();

  beforeAll(async () => {
    // No worker: these synthetic approvals name no real prescription to send to eRx.
    stack = await startStack({}, { worker: false });
    bus = stack.api.get(EventBus);
    bus.subscribe(OrderReadyForFulfillmentEvent, 'test.count-ready', ({ payload }) => {
      ready.set(payload.orderUuid, (ready.get(payload.orderUuid) ?? 0) + 1);
    });
  });

  afterAll(() => stack.close()); // it obliterates the jobs a stack without a worker queued

  it.each<[string, Arrival]>([
    ['the approvals arrive before the encounter completes', 'approvals-first'],
    ['the encounter completes before the approvals arrive', 'completion-first'],
  ])(
    'happens exactly once when %s, even with every message duplicated and concurrent',
    async (_, order) => {
      const placed = await placeOrder(stack, [RX_A, RX_B]);
      const itemUuids = placed.items.map((item) => item.uuid);
      const encounterId = randomUUID();
      const messages = () => approvalMessages(placed.uuid, encounterId, itemUuids, order);

      // Eight copies of every message (distinct events stating the same facts), all at once.
      await Promise.all(
        Array.from({ length: 8 }, () => messages().map((message) => bus.publish(message))).flat(),
      );

      // Delivered in the background: wait until everything owed about this order is settled.
      await waitFor('every message about the order to be handled', async () => {
        const [{ owed }] = await stack.api.get(DataSource).query(
          `select count(*)::int as owed from event_publications
           where event->'payload'->>'orderUuid' = $1 and status <> 'completed'`,
          [placed.uuid],
        );
        return owed === 0 && ready.has(placed.uuid);
      });
      expect(ready.get(placed.uuid)).toBe(1);
      const after = await getOrder(stack, placed.uuid);
      expect(['ready_for_fulfillment', 'fulfilled']).toContain(after.status);
      expect(after.items.map((item) => item.status)).toEqual([
        'clinically_approved',
        'clinically_approved',
      ]);
    },
  );
});
