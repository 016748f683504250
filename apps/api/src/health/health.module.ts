import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { redisConnection } from '@pharmacy/platform';
import Redis from 'ioredis';
import { HEALTH_REDIS, HealthController } from './health.controller';

@Module({})
export class HealthModule implements OnApplicationShutdown {
  constructor(@Inject(HEALTH_REDIS) private readonly redis: Redis) {}

  static forRoot(redisUrl: string): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        {
          provide: HEALTH_REDIS,
          // Its own connection, failing fast: a probe must answer "down", never hang.
          useFactory: () => {
            const redis = new Redis(redisConnection(redisUrl, 'producer'));
            redis.on('error', () => undefined);
            return redis;
          },
        },
      ],
    };
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
