import { getQueueToken } from '@nestjs/bullmq';
import { DomainEvent } from '@pharmacy/platform';
import {
  BrokerConnection,
  serializeEvent,
  toCloudEventMessage,
  Topology,
} from '@pharmacy/platform/testing';
import { connect } from 'amqplib';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  brokerEnv,
  forgetAppNamespace,
  testBrokerUrl,
  uniqueNamespace,
} from '../../support/broker';
import { approvalMessages, Arrival } from '../../support/ehr-decisions';
import { RX_A, RX_B, getOrder, placeOrder } from '../../support/flow';
import { startStack, Stack } from '../../support/stack';
import { waitFor } from '../../support/wait-for';
import { describeWithBroker } from '../../support/needs';

/**
 * ADR "Ordering over the broker": no order is guaranteed between messages, not even for one
 * order, and any message may come more than once. What is guaranteed is that subscribers reach
 * the same state whatever the order. Here the EHR facts about one order are put on the exchange
 * in both orders, each three times (redeliveries of the same message id), all at once.
 */
describeWithBroker('Ordering over the broker', () => {
  const namespace = uniqueNamespace();
  let stack: Stack;

  beforeAll(async () => {
    // No worker: these synthetic approvals name no real prescription to send to eRx.
    stack = await startStack(brokerEnv(namespace), { worker: false });
    await waitFor('the broker connection', () => stack.api.get(BrokerConnection).current);
  });

  afterAll(async () => {
    await stack.api.get<Queue>(getQueueToken('erx-submission')).obliterate({ force: true });
    await forgetAppNamespace(namespace, stack.api);
    await stack.close();
  });

  const putOnExchange = async (events: DomainEvent[], copies: number) => {
    const topology = stack.api.get(Topology);
    const connection = await connect(testBrokerUrl);
    const channel = await connection.createConfirmChannel();
    for (let copy = 0; copy < copies; copy++) {
      for (const event of events) {
        const { content, options } = toCloudEventMessage(serializeEvent(event));
        channel.publish(topology.exchange, event.type, content, options);
      }
    }
    await channel.waitForConfirms();
    await connection.close();
  };

  it.each<[Arrival]>([['approvals-first'], ['completion-first']])(
    'concludes the review exactly once when the facts arrive %s, each three times',
    async (arrival) => {
      const placed = await placeOrder(stack, [RX_A, RX_B]);
      const itemUuids = placed.items.map((item) => item.uuid);
      const encounterId = randomUUID();
      const messages = approvalMessages(placed.uuid, encounterId, itemUuids, arrival);
      await putOnExchange(messages, 3);

      const after = await waitFor('the review to conclude', async () => {
        const order = await getOrder(stack, placed.uuid);
        return order.status === 'ready_for_fulfillment' ? order : undefined;
      });
      expect(after.items.map((item) => item.status)).toEqual([
        'clinically_approved',
        'clinically_approved',
      ]);
      const db = stack.api.get(DataSource);
      // Each fact received once by each of Orders' subscribers, whatever the copies...
      await waitFor('every copy to be acknowledged', async () => {
        const [{ received }] = await db.query(
          `select count(*)::int as received from event_inbox where event_id = any($1)
             and subscriber like 'orders.%'`,
          [messages.map((event) => event.eventId)],
        );
        return received === 3;
      });
      // ...and the review concluded once: one ready event recorded for the broker.
      const [{ ready }] = await db.query(
        `select count(*)::int as ready from event_publications
         where subscriber = $1 and event_type = 'orders.order-ready-for-fulfillment'
           and event->'payload'->>'orderUuid' = $2`,
        [`broker:${namespace}`, placed.uuid],
      );
      expect(ready).toBe(1);
    },
  );
});
