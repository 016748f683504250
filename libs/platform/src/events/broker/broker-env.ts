import { z } from 'zod';
import { env, refuse } from '../../config/env';

const NAMESPACE = /^[a-z][a-z0-9_-]{0,40}$/;

/** The broker backend's variables; read by every process, used when EVENT_BUS_BACKEND=broker. */
export const brokerEnvShape = {
  BROKER_URL: env.url('amqp', 'amqps').default('amqp://127.0.0.1:5672'),
  BROKER_NAMESPACE: env.matching(NAMESPACE, `must match ${NAMESPACE}`).default('pharmacy'),
  BROKER_PREFETCH: env.int(1, 1000).default(8),
  BROKER_HEARTBEAT_SECONDS: env.int(1, 600).default(10),
  BROKER_TIMEOUT_MS: env.int(100, 120_000).default(5000),
  BROKER_CONSUME: env.bool().default(true),
  BROKER_MAX_ATTEMPTS: env.int(1, 50).default(5),
  BROKER_RETRY_BACKOFF_MS: env.int(1, 3_600_000).default(1000),
  BROKER_RETRY_MAX_BACKOFF_MS: env.int(1, 86_400_000).default(60_000),
};

/** A module extracted into its own service hears events only through the broker. */
export function extractionRule(
  config: { NOTIFICATIONS_EXTRACTED: boolean; EVENT_BUS_BACKEND: string },
  ctx: z.RefinementCtx,
): void {
  if (config.NOTIFICATIONS_EXTRACTED && config.EVENT_BUS_BACKEND !== 'broker') {
    refuse(
      ctx,
      'NOTIFICATIONS_EXTRACTED',
      `needs EVENT_BUS_BACKEND=broker, got "${config.EVENT_BUS_BACKEND}"`,
    );
  }
}
