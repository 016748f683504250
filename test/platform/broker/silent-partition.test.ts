import { INestApplicationContext } from '@nestjs/common';
import { DomainEvent, EventBus, UnitOfWork } from '@pharmacy/platform';
import { BrokerConnection } from '@pharmacy/platform/testing';
import { DataSource } from 'typeorm';
import { forgetNamespace, testBrokerUrl, uniqueNamespace } from '../../support/broker';
import { bootBroker, connected } from '../../support/broker-testing';
import { TcpProxy } from '../../support/tcp-proxy';
import { waitFor } from '../../support/wait-for';
import { describeWithBroker } from '../../support/needs';

class DoorOpenedEvent extends DomainEvent<{ doorId: string }> {
  static readonly type = 'building.door-opened';
  static readonly version = 1;
}

const LOG = 'building.log-door-when-opened';
const HEARTBEAT_SECONDS = 1;
const TIMEOUT_MS = 1500;

/**
 * The link to RabbitMQ goes silent: no reset, every byte dropped. The heartbeat and the confirm
 * deadline must notice within a bounded time; publishing must never wait on it; and once the
 * link is back, what was published meanwhile is delivered, once.
 */
describeWithBroker('A silent partition from the broker', () => {
  const namespace = uniqueNamespace();
  const logged: string[] = [];
  let proxy: TcpProxy;
  let app: INestApplicationContext;

  beforeAll(async () => {
    proxy = await TcpProxy.inFrontOf(testBrokerUrl);
    app = await bootBroker({
      namespace,
      url: proxy.via(testBrokerUrl),
      heartbeatSeconds: HEARTBEAT_SECONDS,
      timeoutMs: TIMEOUT_MS,
      subscribe: (bus) =>
        bus.subscribe(DoorOpenedEvent, LOG, ({ payload }) => void logged.push(payload.doorId)),
    });
    await connected(app);
  });

  afterAll(async () => {
    proxy.thaw();
    await forgetNamespace(namespace, app.get(DataSource), [LOG]);
    await app.close();
    await proxy.cut();
  });

  it('is detected within a bounded time, blocks no publisher, and loses nothing', async () => {
    const bus = app.get(EventBus);
    const uow = app.get(UnitOfWork);
    await uow.run(() => bus.publish(new DoorOpenedEvent({ doorId: 'before' })));
    await waitFor('the first event', () => logged.includes('before'));

    proxy.freeze();
    const frozenAt = Date.now();
    const started = Date.now();
    await uow.run(() => bus.publish(new DoorOpenedEvent({ doorId: 'during' })));
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS); // the commit never waits on the broker

    // Two missed heartbeats, or a confirm past its deadline, whichever comes first.
    const bound = 3 * HEARTBEAT_SECONDS * 1000 + TIMEOUT_MS;
    await waitFor('the partition to be detected', () => !app.get(BrokerConnection).current, {
      timeoutMs: bound,
    });
    const detectedAfterMs = Date.now() - frozenAt;
    expect(detectedAfterMs).toBeLessThan(bound);
    expect(logged).toEqual(['before']);

    proxy.thaw();
    await waitFor('the event published during the partition', () => logged.includes('during'), {
      timeoutMs: 15_000,
    });
    await waitFor('the registry to record the hand-off', async () => {
      const [{ owed }] = await app
        .get(DataSource)
        .query(
          `select count(*)::int as owed from event_publications where subscriber = $1 and status = 'pending'`,
          [`broker:${namespace}`],
        );
      return owed === 0;
    });
    expect(logged).toEqual(['before', 'during']);
  });
});
