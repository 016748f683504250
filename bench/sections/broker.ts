import { INestApplicationContext } from '@nestjs/common';
import {
  DEFAULT_REGISTRY_OPTIONS,
  EventBus,
  OutboxRelay,
  serializeEvent,
  toCloudEventMessage,
  Topology,
  UnitOfWork,
} from '@pharmacy/platform';
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { BENCH_SUBSCRIBER, BenchParcelSentEvent, bootBrokerPlatform } from '../lib/broker-platform';
import { startChild } from '../lib/children';
import { BenchConfig } from '../lib/config';
import { insertBacklog, withClient } from '../lib/db';
import { Measured } from '../lib/report';
import { Scale } from '../lib/scale';
import { summarize, until } from '../lib/stats';

/**
 * 8. The broker backend against raw amqplib on the same RabbitMQ: the registry's hand-off with
 * publisher confirms (8a), consuming with the inbox (8b), the end-to-end latency from a commit
 * to the subscriber's commit at a fixed rate (8c), and one consumer process against two (8d).
 */

/** The relay's batch (the raw baseline publishes in the same), the consumers' prefetch, 8c's rate. */
export const BROKER = { batch: DEFAULT_REGISTRY_OPTIONS.batchSize, prefetch: 8, rate: 50 };
const { batch: BATCH, prefetch: PREFETCH, rate: RATE } = BROKER;

const messageOf = (n: number) =>
  toCloudEventMessage(serializeEvent(new BenchParcelSentEvent({ n })));

export async function brokerSection(
  config: BenchConfig,
  scale: Scale,
  childrenDir: string,
  log: (s: string) => void,
) {
  const namespace = `bench-${randomBytes(4).toString('hex')}`;
  const topology = new Topology(namespace, {
    maxAttempts: 5,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
  });
  const queue = topology.queue(BENCH_SUBSCRIBER);
  const n = scale.brokerMessages;
  const platform = (
    consume: boolean,
    onEvent?: (e: BenchParcelSentEvent) => void,
    pollIntervalMs?: number,
  ) =>
    bootBrokerPlatform({
      pollIntervalMs,
      databaseUrl: config.databaseUrl,
      poolSize: config.poolSize,
      brokerUrl: config.brokerUrl,
      namespace,
      consume,
      onEvent,
    });
  const amqp = await connect(config.brokerUrl, { noDelay: true }); // as BrokerConnection
  const channel = await amqp.createConfirmChannel();
  const sql = (text: string, params: unknown[] = []) =>
    withClient(config.databaseUrl, (client) => client.query(text, params));
  try {
    // 8a: hand-off of N recorded publications, against raw confirm publishing in the same batches.
    log(`broker: relay hands ${n} publications to RabbitMQ`);
    // Declares the queue, so nothing is dropped; the relay's own timer stays out of the way.
    const publisher = await platform(false, undefined, 3_600_000);
    await insertBacklog(
      config,
      'event_publications',
      n,
      BenchParcelSentEvent.type,
      `broker:${namespace}`,
    );
    let started = performance.now();
    const handedOff = await publisher.get(OutboxRelay).drain();
    const relayRate = handedOff / ((performance.now() - started) / 1000);
    await publisher.close();
    await channel.purgeQueue(queue);
    log('broker: raw amqplib confirm publishing, same batches');
    started = performance.now();
    await rawPublish(channel, topology.exchange, n);
    const rawPublishRate = n / ((performance.now() - started) / 1000);

    // 8b: a full queue consumed with the inbox, against raw consume-and-ack at the same prefetch.
    log(`broker: consuming ${n} messages with the inbox`);
    await sql('truncate event_inbox');
    const consumer = await platform(true);
    const inboxSpan = await inboxSpanOnce(config, n);
    await consumer.close();
    log('broker: raw consume-and-ack');
    await rawPublish(channel, topology.exchange, n);
    const rawConsumeRate = n / ((await rawConsume(amqp, queue, n)) / 1000);

    // 8c: from the publishing commit to the subscriber's commit, at a fixed rate.
    log(`broker: end-to-end latency at ${RATE}/s`);
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const holder: { app?: INestApplicationContext } = {};
    const app = await platform(true, (event) => {
      void holder.app!.get(UnitOfWork).afterCommit(() => {
        const at = sentAt.get(event.eventId);
        if (at !== undefined) latencies.push(performance.now() - at);
      });
    });
    holder.app = app;
    const count = Math.max(20, Math.round((scale.loopMs / 1000) * RATE));
    await atRate(count, async (i) => {
      const event = new BenchParcelSentEvent({ n: i });
      await app.get(UnitOfWork).run(() => app.get(EventBus).publish(event));
      sentAt.set(event.eventId, performance.now());
    });
    await until('8c: every event consumed', async () => latencies.length >= count, 30_000, 20);
    await app.close();
    const appLatency = summarize(latencies);
    const rawLatency = summarize(
      await rawLatencies(amqp, channel, topology.exchange, queue, count),
    );

    // 8d: the same backlog consumed by one process, then by two.
    const processes = async (howMany: number) => {
      await sql('truncate event_inbox');
      const children = await Promise.all(
        Array.from({ length: howMany }, (_, i) =>
          startChild({
            name: `broker-consumer-${howMany}-${i}`,
            script: join(childrenDir, 'broker-consumer.js'),
            env: {
              PATH: process.env.PATH,
              DATABASE_URL: config.databaseUrl,
              DATABASE_POOL_SIZE: String(config.poolSize),
              BROKER_URL: config.brokerUrl,
              BROKER_NAMESPACE: namespace,
            },
            execArgv: [],
            logDir: config.logDir,
          }),
        ),
      );
      try {
        // Published once every consumer is up, so no process boots while another consumes.
        await rawPublish(channel, topology.exchange, n);
        return n / ((await inboxSpanOnce(config, n)) / 1000);
      } finally {
        await Promise.all(children.map((child) => child.stop()));
      }
    };
    log(`broker: ${n} messages, one consumer process`);
    const one = await processes(1);
    log(`broker: ${n} messages, two consumer processes`);
    const two = await processes(2);

    const rows: Record<string, Measured> = {
      '8a': {
        result: { value: relayRate, unit: 'ev/s' },
        baseline: { value: rawPublishRate, unit: 'msg/s' },
        errors: handedOff === n ? 0 : 1,
        note: handedOff === n ? undefined : `handed off ${handedOff} of ${n}`,
      },
      '8b': {
        result: { value: n / (inboxSpan / 1000), unit: 'msg/s' },
        baseline: { value: rawConsumeRate, unit: 'msg/s' },
      },
      '8c': {
        result: { value: appLatency.p50, unit: 'ms' },
        baseline: { value: rawLatency.p50, unit: 'ms' },
        note:
          `p99 ${appLatency.p99.toFixed(1)} ms against ${rawLatency.p99.toFixed(1)} ms; ` +
          `${count} events`,
      },
      '8d': {
        result: { value: two, unit: 'msg/s' },
        baseline: { value: one, unit: 'msg/s' },
      },
    };
    return {
      rows,
      details: { relayRate, rawPublishRate, appLatency, rawLatency, one, two, namespace },
    };
  } finally {
    await forgetTopology(channel, topology, queue);
    await amqp.close();
  }
}

async function rawPublish(channel: ConfirmChannel, exchange: string, n: number): Promise<void> {
  for (let i = 0; i < n; i += BATCH) {
    for (let j = i; j < Math.min(n, i + BATCH); j++) {
      const { content, options } = messageOf(j);
      channel.publish(exchange, BenchParcelSentEvent.type, content, options);
    }
    await channel.waitForConfirms();
  }
}

/** Consumes `n` messages, acking each; returns ms from the first delivery to the last ack. */
async function rawConsume(amqp: ChannelModel, queue: string, n: number): Promise<number> {
  const channel = await amqp.createChannel();
  await channel.prefetch(PREFETCH);
  let first = 0;
  let seen = 0;
  const done = new Promise<number>((resolve) => {
    void channel.consume(queue, (message) => {
      if (!message) return;
      if (seen === 0) first = performance.now();
      channel.ack(message);
      if (++seen === n) resolve(performance.now() - first);
    });
  });
  const ms = await done;
  await channel.close();
  return ms;
}

async function rawLatencies(
  amqp: ChannelModel,
  publisher: ConfirmChannel,
  exchange: string,
  queue: string,
  count: number,
): Promise<number[]> {
  const channel = await amqp.createChannel();
  await channel.prefetch(PREFETCH);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  await channel.consume(queue, (message) => {
    if (!message) return;
    const at = sentAt.get(String(message.properties.messageId));
    channel.ack(message);
    if (at !== undefined) latencies.push(performance.now() - at);
  });
  await atRate(count, async (i) => {
    const { content, options } = messageOf(i);
    sentAt.set(String(options.messageId), performance.now());
    publisher.publish(exchange, BenchParcelSentEvent.type, content, options);
    await publisher.waitForConfirms();
  });
  await until('8c: every event consumed', async () => latencies.length >= count, 30_000, 20);
  await channel.close();
  return latencies;
}

/** Waits for `n` inbox rows of the bench subscriber; returns their span in ms. */
async function inboxSpanOnce(config: BenchConfig, n: number): Promise<number> {
  let span = 0;
  await until(
    `${n} inbox rows`,
    async () => {
      const { rows } = await withClient(config.databaseUrl, (client) =>
        client.query(
          `select count(*)::int as n,
                extract(epoch from max(received_at) - min(received_at)) * 1000 as span
         from event_inbox where subscriber = $1`,
          [BENCH_SUBSCRIBER],
        ),
      );
      span = Number(rows[0].span);
      return rows[0].n >= n;
    },
    300_000,
    20,
  );
  return Math.max(span, 1);
}

async function atRate(count: number, send: (i: number) => Promise<void>): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await send(i);
  }
}

async function forgetTopology(channel: ConfirmChannel, topology: Topology, queue: string) {
  const subscriber = BENCH_SUBSCRIBER;
  for (const name of [
    queue,
    topology.deadLetterQueue(subscriber),
    ...topology.retryDelays().map((delay) => topology.retryQueue(subscriber, delay)),
  ]) {
    await channel.deleteQueue(name).catch(() => undefined);
  }
  await channel.deleteExchange(topology.exchange).catch(() => undefined);
  await channel.deleteExchange(topology.deadLetterExchange).catch(() => undefined);
}
