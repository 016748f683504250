import { env, EnvReader, InvalidConfigurationError } from '../../config/env';

/** An AMQP URL; a bad one is refused without echoing it, since it may hold a password. */
const amqpUrl: EnvReader<string> = (raw) => {
  const value = raw ?? 'amqp://127.0.0.1:5672';
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error('must be an amqp:// or amqps:// URL (value not shown: it may hold a password)');
  }
  if (parsed.protocol !== 'amqp:' && parsed.protocol !== 'amqps:') {
    throw new Error(`must use amqp or amqps, got "${parsed.protocol}"`);
  }
  return value;
};

const NAMESPACE = /^[a-z][a-z0-9_-]{0,40}$/;

/** The broker backend's variables; read by every process, used when EVENT_BUS_BACKEND=broker. */
export const brokerEnvSchema = {
  BROKER_URL: amqpUrl,
  BROKER_NAMESPACE: (raw: string | undefined) => {
    const value = raw ?? 'pharmacy';
    if (!NAMESPACE.test(value)) throw new Error(`must match ${NAMESPACE}, got "${value}"`);
    return value;
  },
  BROKER_PREFETCH: env.int(8, { min: 1, max: 1000 }),
  BROKER_HEARTBEAT_SECONDS: env.int(10, { min: 1, max: 600 }),
  BROKER_TIMEOUT_MS: env.int(5000, { min: 100, max: 120_000 }),
  BROKER_CONSUME: env.bool(true),
  BROKER_MAX_ATTEMPTS: env.int(5, { min: 1, max: 50 }),
  BROKER_RETRY_BACKOFF_MS: env.int(1000, { min: 1, max: 3_600_000 }),
  BROKER_RETRY_MAX_BACKOFF_MS: env.int(60_000, { min: 1, max: 86_400_000 }),
};

/** A module extracted into its own service hears events only through the broker. */
export function checkExtraction(config: {
  NOTIFICATIONS_EXTRACTED: boolean;
  EVENT_BUS_BACKEND: string;
}): void {
  if (config.NOTIFICATIONS_EXTRACTED && config.EVENT_BUS_BACKEND !== 'broker') {
    throw new InvalidConfigurationError([
      `NOTIFICATIONS_EXTRACTED: needs EVENT_BUS_BACKEND=broker, got "${config.EVENT_BUS_BACKEND}"`,
    ]);
  }
}
