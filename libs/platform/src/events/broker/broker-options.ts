import type { RetryPolicy } from '../registry/retry-policy';

/** How the broker backend reaches RabbitMQ and handles messages; from the environment. */
export interface BrokerOptions {
  /** `amqp://user:pass@host:port/vhost`; never logged. */
  readonly url: string;
  /** Prefix of every exchange and queue, so several deployments (or test runs) share a broker. */
  readonly namespace: string;
  /** Unacknowledged messages a consumer holds per subscriber queue. */
  readonly prefetch: number;
  /** AMQP heartbeat, in seconds: a silent peer is declared dead after about two of them. */
  readonly heartbeatSeconds: number;
  /** Longest wait for a TCP connect, and for the broker's confirm of a publish, in ms. */
  readonly timeoutMs: number;
  /** Whether this process consumes its subscribers' queues (a publisher-only host says no). */
  readonly consume: boolean;
  /** Attempts of a subscriber on one message before it goes to the dead-letter queue. */
  readonly retry: RetryPolicy;
}

export const BROKER_OPTIONS = Symbol('BROKER_OPTIONS');
