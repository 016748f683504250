import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EhrModule } from '@pharmacy/ehr';
import { IdentityModule } from '@pharmacy/identity';
import { NotificationsModule } from '@pharmacy/notifications';
import { OrdersModule } from '@pharmacy/orders';
import {
  AccessAuditModule,
  AuditModule,
  AuthModule,
  LoggingModule,
  PlatformModule,
  PublicationsAdminModule,
  platformOptionsFrom,
  RateLimitModule,
  redisConnection,
} from '@pharmacy/platform';
import type { ApiConfig } from './api.config';
import { HealthModule } from './health/health.module';
import { databaseOptions } from './modules';

/** The HTTP host: wires the platform and the feature modules; holds no business logic. */
@Module({})
export class ApiModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        LoggingModule.forRoot(config.LOG_LEVEL),
        PlatformModule.forRoot(platformOptionsFrom(config, databaseOptions(config))),
        AuditModule.forRoot({ tables: { orders: ['status'], prescriptions: ['status'] } }),
        AccessAuditModule,
        AuthModule.forRoot({
          keys: {
            current: { id: config.JWT_KEY_ID, secret: config.JWT_SECRET },
            previous: config.JWT_PREVIOUS_KEYS ?? [],
          },
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          tokenTtlSeconds: config.JWT_TTL_SECONDS,
        }),
        RateLimitModule.forRoot({
          redisUrl: config.REDIS_URL,
          limits: {
            login: config.RATE_LIMIT_LOGIN,
            orders: config.RATE_LIMIT_ORDERS,
            decisions: config.RATE_LIMIT_DECISIONS,
          },
          windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000,
        }),
        CqrsModule.forRoot(),
        BullModule.forRoot({ connection: redisConnection(config.REDIS_URL, 'producer') }),
        IdentityModule.forRoot({
          devLogin: config.DEMO_MODE,
          userCacheMs: config.AUTH_USER_CACHE_MS,
        }),
        OrdersModule,
        EhrModule,
        NotificationsModule,
        PublicationsAdminModule,
        HealthModule.forRoot(config.REDIS_URL),
      ],
    };
  }
}
