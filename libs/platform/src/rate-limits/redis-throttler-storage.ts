import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';
import { redisConnection } from '../jobs/redis-connection';

/**
 * One round trip: count the hit in a window of `ttl` ms; past `limit`, block for `block` ms.
 * Returns hits, ms left in the window, blocked (0/1), ms left blocked.
 */
const HIT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return {tonumber(redis.call('GET', KEYS[1]) or '0'), math.max(redis.call('PTTL', KEYS[1]), 0), 1, blocked}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local left = math.max(redis.call('PTTL', KEYS[1]), 0)
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, left, 1, tonumber(ARGV[3])}
end
return {hits, left, 0, 0}`;

const PREFIX = 'rate-limit:';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Rate-limit counters in Redis, so every API instance counts against the same limit. If Redis
 * cannot answer within the producer timeout the request is let through (and logged): a limiter
 * outage must not stop patients ordering, and the counters are protection, not records.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly redis: Redis;

  constructor(redisUrl: string) {
    this.redis = new Redis({ ...redisConnection(redisUrl, 'producer'), commandTimeout: 500 });
    this.redis.on('error', () => undefined); // reported per call below
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    try {
      const [hits, left, blocked, blockedLeft] = (await this.redis.eval(
        HIT,
        2,
        `${PREFIX}${throttlerName}:${key}`,
        `${PREFIX}${throttlerName}:${key}:blocked`,
        ttl,
        limit,
        blockDuration,
      )) as [number, number, number, number];
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(left / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.ceil(blockedLeft / 1000),
      };
    } catch (error) {
      this.logger.warn(`Rate limit ${throttlerName} not checked: ${(error as Error).message}`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
