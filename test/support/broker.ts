import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { connect } from 'amqplib';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { testEnv } from './test-env';
import { Subscriptions, Topology } from '@pharmacy/platform/testing';

/** The RabbitMQ the tests use; each test file works under a namespace of its own. */
export const testBrokerUrl = testEnv.brokerUrl;

/** A fresh namespace: the exchanges and queues of one test, apart from every other run's. */
export function uniqueNamespace(): string {
  return `test-${randomBytes(5).toString('hex')}`;
}

/** Settings for an app in broker mode, with retries in milliseconds and quick failure detection. */
export function brokerEnv(namespace: string, url = testBrokerUrl): NodeJS.ProcessEnv {
  return {
    EVENT_BUS_BACKEND: 'broker',
    BROKER_URL: url,
    BROKER_NAMESPACE: namespace,
    BROKER_HEARTBEAT_SECONDS: '1',
    BROKER_TIMEOUT_MS: '2000',
    BROKER_MAX_ATTEMPTS: '3',
    BROKER_RETRY_BACKOFF_MS: '50',
    BROKER_RETRY_MAX_BACKOFF_MS: '200',
  };
}

/** The topology an app started with {@link brokerEnv} declares. */
export function testTopology(namespace: string): Topology {
  return new Topology(namespace, { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 200 });
}

/** Deletes what a test declared: each subscriber's queues, then the namespace's exchanges. */
export async function removeTopology(
  topology: Topology,
  subscribers: readonly string[],
): Promise<void> {
  const connection = await connect(testBrokerUrl);
  try {
    const channel = await connection.createChannel();
    for (const subscriber of subscribers) {
      const queues = [
        topology.queue(subscriber),
        topology.deadLetterQueue(subscriber),
        ...topology.retryDelays().map((delay) => topology.retryQueue(subscriber, delay)),
      ];
      for (const queue of queues) await channel.deleteQueue(queue);
    }
    await channel.deleteExchange(topology.exchange);
    await channel.deleteExchange(topology.deadLetterExchange);
  } finally {
    await connection.close();
  }
}

/**
 * Forgets a finished test's namespace: its publications owed to the broker (no relay of another
 * namespace would ever claim them) and, when given, its topology.
 */
export async function forgetNamespace(
  namespace: string,
  db: Pick<Client, 'query'>,
  subscribers?: readonly string[],
): Promise<void> {
  await db.query('delete from event_publications where subscriber = $1', [`broker:${namespace}`]);
  await removeTopology(testTopology(namespace), subscribers ?? APP_SUBSCRIBERS);
}

/** {@link forgetNamespace} for an app of this process, with the subscribers it registered. */
export function forgetAppNamespace(namespace: string, app: INestApplicationContext): Promise<void> {
  const subscribers = app
    .get(Subscriptions)
    .all()
    .map((s) => s.subscriber);
  return forgetNamespace(namespace, app.get(DataSource), subscribers);
}

/**
 * Every subscriber the API and the worker register, for tests that run them as child processes
 * and must delete their queues. The broker flow test checks the list against the running apps.
 */
export const APP_SUBSCRIBERS = [
  'ehr.enqueue-erx-submission-when-request-approved',
  'ehr.open-encounter-when-order-placed',
  'notifications.notify-patient-when-order-cancelled',
  'notifications.notify-patient-when-order-shipped',
  'orders.conclude-review-when-encounter-completed',
  'orders.enqueue-fulfillment-when-order-ready',
  'orders.mark-item-approved-when-prescription-approved',
  'orders.mark-item-rejected-when-prescription-rejected',
];
