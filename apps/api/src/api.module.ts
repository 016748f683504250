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
  authOptionsFrom,
  databaseTimeoutsFrom,
  DeadLettersAdminModule,
  LoggingModule,
  MetricsModule,
  PlatformModule,
  PublicationsAdminModule,
  platformOptionsFrom,
  QueueBackendModule,
  queueBackendOf,
  RateLimitModule,
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
        MetricsModule.forRoot({ port: config.METRICS_PORT, path: config.METRICS_PATH }),
        PlatformModule.forRoot(
          platformOptionsFrom(config, databaseOptions(config, databaseTimeoutsFrom(config))),
        ),
        AuditModule.forRoot({ tables: { orders: ['status'], prescriptions: ['status'] } }),
        AccessAuditModule,
        AuthModule.forRoot(authOptionsFrom(config)),
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
        QueueBackendModule.forRoot(config, 'producer'),
        IdentityModule.forRoot({
          devLogin: config.DEMO_MODE,
          userCacheMs: config.AUTH_USER_CACHE_MS,
        }),
        OrdersModule,
        EhrModule,
        ...(config.NOTIFICATIONS_EXTRACTED ? [] : [NotificationsModule]),
        PublicationsAdminModule,
        ...(config.EVENT_BUS_BACKEND === 'broker' ? [DeadLettersAdminModule] : []),
        HealthModule.forRoot(queueBackendOf(config) === 'redis' ? config.REDIS_URL : undefined),
      ],
    };
  }
}
