import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { redisConnection } from '@pharmacy/platform';
import Redis from 'ioredis';
import { HEALTH_REDIS, HealthController } from './health.controller';

@Module({})
export class HealthModule implements OnApplicationShutdown {
  constructor(@Inject(HEALTH_REDIS) private readonly redis: Redis | null) {}

  /** `redisUrl` when jobs are on Redis; without it, readiness probes the queues on PostgreSQL. */
  static forRoot(redisUrl: string | undefined): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        {
          provide: HEALTH_REDIS,
          // Its own connection, failing fast: a probe must answer "down", never hang.
          useFactory: () => {
            if (!redisUrl) return null;
            const redis = new Redis(redisConnection(redisUrl, 'producer'));
            redis.on('error', () => undefined);
            return redis;
          },
        },
      ],
    };
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
