import { EventBus, UnitOfWork } from '@pharmacy/platform';
import {
  OutboxRelay,
  serializeEvent,
  toCloudEventMessage,
  Topology,
} from '@pharmacy/platform/testing';
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { randomBytes } from 'node:crypto';
import { BROKER, Config, log } from '../lib/config';
import { insertBacklog, sql } from '../lib/db';
import {
  BENCH_SUBSCRIBER,
  BenchEvent,
  bootPlatform,
  BROKER_RETRY,
  PlatformOptions,
} from '../lib/platform';
import { fig, Rows } from '../lib/report';
import { startChild } from '../lib/stack';
import { fixedRate, percentile, until } from '../lib/stats';

/**
 * 8. The broker backend against raw amqplib on the same RabbitMQ: the registry's hand-off with
 * publisher confirms (8a), consuming with the inbox (8b), the latency from a publishing commit to
 * the subscriber's commit at a fixed rate (8c), and two consumer processes against one (8d).
 */

const message = (n: number) => toCloudEventMessage(serializeEvent(new BenchEvent({ n })));

/** Publishes `n` messages in confirmed batches, as the relay hands them off. */
async function rawPublish(channel: ConfirmChannel, exchange: string, n: number) {
  for (let i = 0; i < n; i++) {
    const { content, options } = message(i);
    channel.publish(exchange, BenchEvent.type, content, options);
    if ((i + 1) % BROKER.batch === 0 || i === n - 1) await channel.waitForConfirms();
  }
}

/** A raw consumer at the same prefetch: acks each message, then calls `onMessage` with its id. */
async function rawConsumer(amqp: ChannelModel, queue: string, onMessage: (id: string) => void) {
  const channel = await amqp.createChannel();
  await channel.prefetch(BROKER.prefetch);
  await channel.consume(queue, (delivery) => {
    if (!delivery) return;
    channel.ack(delivery);
    onMessage(String(delivery.properties.messageId));
  });
  return channel;
}

/** Waits for `n` inbox rows of the bench subscriber; returns them per second, over their span. */
async function inboxRate(config: Config, n: number): Promise<number> {
  let span = 0;
  await until(`${n} inbox rows`, async () => {
    const [row] = await sql<{ n: number; span: number }>(
      config.databaseUrl,
      `select count(*)::int as n, extract(epoch from max(received_at) - min(received_at)) as span
       from event_inbox where subscriber = $1`,
      [BENCH_SUBSCRIBER],
    );
    span = Number(row.span);
    return row.n >= n;
  });
  return n / Math.max(span, 0.001);
}

export async function brokerSection(config: Config): Promise<Rows> {
  const namespace = `bench-${randomBytes(4).toString('hex')}`;
  const topology = new Topology(namespace, BROKER_RETRY);
  const { exchange } = topology;
  const queue = topology.queue(BENCH_SUBSCRIBER);
  const n = config.scale.messages;
  const platform = (consume: boolean, options: Omit<PlatformOptions, 'broker'> = {}) =>
    bootPlatform(config.databaseUrl, 'broker', {
      broker: { url: config.brokerUrl, namespace, consume },
      ...options,
    });
  const amqp = await connect(config.brokerUrl, { noDelay: true }); // as BrokerConnection does
  const channel = await amqp.createConfirmChannel();
  try {
    log(`broker: 8a, the relay hands ${n} publications to RabbitMQ, then raw confirmed batches`);
    const publisher = await platform(false, { manualRelay: true }); // declares the queue
    await insertBacklog(config, 'event_publications', n, BenchEvent.type, `broker:${namespace}`);
    let started = performance.now();
    const handedOff = await publisher.get(OutboxRelay).drain();
    const relayRate = handedOff / ((performance.now() - started) / 1000);
    await publisher.close();
    await channel.purgeQueue(queue);
    started = performance.now();
    await rawPublish(channel, exchange, n);
    const rawPublishRate = n / ((performance.now() - started) / 1000);

    log(`broker: 8b, ${n} messages consumed with the inbox, then raw consume-and-ack`);
    await sql(config.databaseUrl, 'truncate event_inbox');
    const consumer = await platform(true);
    const inbox = await inboxRate(config, n);
    await consumer.close();
    await rawPublish(channel, exchange, n);
    const seen = { count: 0, first: 0, last: 0 };
    const raw = await rawConsumer(amqp, queue, () => {
      if (seen.count++ === 0) seen.first = performance.now();
      seen.last = performance.now();
    });
    await until('raw consume', async () => seen.count >= n);
    await raw.close();
    const rawConsumeRate = n / ((seen.last - seen.first) / 1000);

    log(`broker: 8c, publishing commit → subscriber commit at ${BROKER.rate}/s, app then raw`);
    const count = Math.max(20, Math.round((config.scale.loopMs / 1000) * BROKER.rate));
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const received = (id: string) => {
      const at = sentAt.get(id);
      if (at !== undefined) latencies.push(performance.now() - at);
    };
    const app = await platform(true, {
      onEvent: (event) => void app.get(UnitOfWork).afterCommit(() => received(event.eventId)),
    });
    await fixedRate(BROKER.rate, count, async (i) => {
      const event = new BenchEvent({ n: i });
      await app.get(UnitOfWork).run(() => app.get(EventBus).publish(event));
      sentAt.set(event.eventId, performance.now());
    });
    await until('8c: every event consumed', async () => latencies.length >= count, 30_000);
    await app.close();
    const appLatencies = latencies.splice(0);
    const rawLatencyConsumer = await rawConsumer(amqp, queue, received);
    await fixedRate(BROKER.rate, count, async (i) => {
      const { content, options } = message(i);
      sentAt.set(String(options.messageId), performance.now());
      channel.publish(exchange, BenchEvent.type, content, options);
      await channel.waitForConfirms();
    });
    await until('8c: every raw message consumed', async () => latencies.length >= count, 30_000);
    await rawLatencyConsumer.close();

    // 8d: the same backlog consumed by one process, then by two, published once all are up.
    const processes = async (howMany: number) => {
      log(`broker: 8d, ${n} messages, ${howMany} consumer process(es)`);
      await sql(config.databaseUrl, 'truncate event_inbox');
      const env = {
        DATABASE_URL: config.databaseUrl,
        BROKER_URL: config.brokerUrl,
        BROKER_NAMESPACE: namespace,
      };
      const children = await Promise.all(
        Array.from({ length: howMany }, (_, i) =>
          startChild(config, 'broker-consumer', `broker-consumer-${howMany}-${i}`, env),
        ),
      );
      await rawPublish(channel, exchange, n);
      return inboxRate(config, n).finally(() => Promise.all(children.map((c) => c.stop())));
    };
    const one = await processes(1);
    const two = await processes(2);

    const [appP50, appP99, rawP50, rawP99] = [appLatencies, latencies].flatMap((samples) =>
      [50, 99].map((p) => percentile(samples, p)),
    );
    return {
      '8a': {
        result: fig(relayRate, 'ev/s'),
        baseline: fig(rawPublishRate, 'msg/s'),
        errors: handedOff === n ? 0 : 1,
        note: handedOff === n ? undefined : `handed off ${handedOff} of ${n}`,
      },
      '8b': { result: fig(inbox, 'msg/s'), baseline: fig(rawConsumeRate, 'msg/s') },
      '8c': {
        result: fig(appP50, 'ms'),
        baseline: fig(rawP50, 'ms'),
        note: `p99 ${appP99.toFixed(1)} ms against ${rawP99.toFixed(1)} ms; ${count} events`,
      },
      '8d': { result: fig(two, 'msg/s'), baseline: fig(one, 'msg/s') },
    };
  } finally {
    const subscriber = BENCH_SUBSCRIBER;
    const delays = topology.retryDelays().map((delay) => topology.retryQueue(subscriber, delay));
    for (const name of [queue, topology.deadLetterQueue(subscriber), ...delays]) {
      await channel.deleteQueue(name).catch(() => undefined);
    }
    for (const name of [exchange, topology.deadLetterExchange]) {
      await channel.deleteExchange(name).catch(() => undefined);
    }
    await amqp.close();
  }
}
