import { INestApplicationContext } from '@nestjs/common';
import { DomainEvent, EventBus, UnitOfWork } from '@pharmacy/platform';
import { serializeEvent, toCloudEventMessage } from '@pharmacy/platform/testing';
import { connect } from 'amqplib';
import { DataSource } from 'typeorm';
import {
  forgetNamespace,
  testBrokerUrl,
  testTopology,
  uniqueNamespace,
} from '../../support/broker';
import { bootBroker } from '../../support/broker-testing';
import { waitFor } from '../../support/wait-for';
import { describeWithBroker } from '../../support/needs';

class CrateStackedEvent extends DomainEvent<{ crateId: string }> {
  static readonly type = 'warehouse.crate-stacked';
  static readonly version = 1;
}

const COUNT = 'warehouse.count-crate-when-stacked';

describeWithBroker('The inbox of a broker subscriber', () => {
  const namespace = uniqueNamespace();
  const topology = testTopology(namespace);
  let app: INestApplicationContext;
  let failNext = 0;
  let runs = 0;

  beforeAll(async () => {
    await app?.close();
    app = await bootBroker({
      namespace,
      subscribe: (bus) =>
        bus.subscribe(CrateStackedEvent, COUNT, async ({ payload }) => {
          runs++;
          await app
            .get(UnitOfWork)
            .manager.query('insert into broker_test_crates (crate_id) values ($1)', [
              payload.crateId,
            ]);
          if (failNext > 0) {
            failNext--;
            throw new Error('failed after writing'); // its write and its inbox row roll back
          }
        }),
    });
    await app
      .get(DataSource)
      .query('create table if not exists broker_test_crates (crate_id text not null)');
  });

  afterAll(async () => {
    await forgetNamespace(namespace, app.get(DataSource), [COUNT]);
    await app.close();
  });

  const crates = async (crateId: string): Promise<number> => {
    const [{ count }] = await app
      .get(DataSource)
      .query('select count(*)::int as count from broker_test_crates where crate_id = $1', [
        crateId,
      ]);
    return count;
  };

  const queueDepth = async (): Promise<number> => {
    const connection = await connect(testBrokerUrl);
    const channel = await connection.createChannel();
    const { messageCount } = await channel.checkQueue(topology.queue(COUNT));
    await connection.close();
    return messageCount;
  };

  it('acknowledges a copy it already holds without running the subscriber again', async () => {
    const event = new CrateStackedEvent({ crateId: 'c-1' });
    const { content, options } = toCloudEventMessage(serializeEvent(event));
    const connection = await connect(testBrokerUrl);
    const channel = await connection.createConfirmChannel();
    for (let copy = 0; copy < 3; copy++) {
      channel.publish(topology.exchange, CrateStackedEvent.type, content, options);
    }
    await channel.waitForConfirms();
    await connection.close();

    await waitFor('every copy to be acknowledged', async () => (await queueDepth()) === 0);
    await waitFor('the effect', async () => (await crates('c-1')) === 1);
    // A last copy, sent after the first was handled: still nothing more.
    await app.get(UnitOfWork).run(() => app.get(EventBus).publish(event));
    await waitFor(
      'the republished copy to be acknowledged',
      async () => (await queueDepth()) === 0,
    );
    expect(await crates('c-1')).toBe(1);
    expect(runs).toBe(1);
  });

  it('rolls the inbox row back with a failed subscriber, so the retry runs it', async () => {
    runs = 0;
    failNext = 1;
    await app
      .get(UnitOfWork)
      .run(() => app.get(EventBus).publish(new CrateStackedEvent({ crateId: 'c-2' })));
    await waitFor('the retry to succeed', () => runs === 2);
    await waitFor('its one effect', async () => (await crates('c-2')) === 1);
  });
});
