import { Client } from 'pg';
import Redis from 'ioredis';
import { connect } from 'amqplib';

/** Fails with one line naming the address when PostgreSQL cannot be reached. */
export async function assertPostgresReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${redact(url)}: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Fails with one line naming the address when Redis cannot be reached. */
export async function assertRedisReachable(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis is not reachable at ${redact(url)}: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    redis.disconnect();
  }
}

/** Fails with one line naming the address when RabbitMQ cannot be reached. */
export async function assertBrokerReachable(url: string): Promise<void> {
  try {
    const connection = await connect(url, { timeout: 3000 });
    await connection.close();
  } catch (error) {
    throw new Error(`RabbitMQ is not reachable at ${redact(url)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
