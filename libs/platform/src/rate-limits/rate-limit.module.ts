import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { RateLimitGuard } from './rate-limit.guard';
import type { ExecutionContext } from '@nestjs/common';
import { RATE_LIMIT, RateLimitName } from './rate-limit.decorator';
import { RedisThrottlerStorage } from './redis-throttler-storage';

export interface RateLimitOptions {
  /** Where the counts live; without Redis, in this process's memory (one replica's view). */
  readonly redisUrl?: string;
  /** Calls allowed per window, by limit name. */
  readonly limits: Readonly<Record<RateLimitName, number>>;
  readonly windowMs: number;
}

const nameOf = (context: ExecutionContext): RateLimitName | undefined =>
  Reflect.getMetadata(RATE_LIMIT, context.getHandler());

/**
 * Rate limits on the routes marked `@RateLimit(name)`, counted in Redis. Each limit applies to its
 * own routes only: the throttler's other named limits skip them. Import it after the AuthModule:
 * global guards run in the order their modules are imported, and the limit counts per user.
 */
@Module({})
export class RateLimitModule {
  static forRoot(options: RateLimitOptions): DynamicModule {
    const names = Object.keys(options.limits) as RateLimitName[];
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: names.map((name) => ({
            name,
            limit: options.limits[name],
            ttl: options.windowMs,
            skipIf: (context: ExecutionContext) => nameOf(context) !== name,
          })),
          storage: options.redisUrl ? new RedisThrottlerStorage(options.redisUrl) : undefined,
          setHeaders: false,
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
    };
  }
}
