import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EhrModule } from '@pharmacy/ehr';
import { IdentityModule } from '@pharmacy/identity';
import { NotificationsModule } from '@pharmacy/notifications';
import { OrdersModule } from '@pharmacy/orders';
import {
  AuditModule,
  AuthModule,
  databaseTimeoutsFrom,
  DeadLettersAdminModule,
  LoggingModule,
  MetricsModule,
  PlatformModule,
  PublicationsAdminModule,
  platformOptionsFrom,
  QueueBackendModule,
  queueBackendOf,
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
        AuthModule.forRoot({
          jwtSecret: config.JWT_SECRET,
          tokenTtlSeconds: config.JWT_TTL_SECONDS,
        }),
        CqrsModule.forRoot(),
        QueueBackendModule.forRoot(config, 'producer'),
        IdentityModule.forRoot({ devLogin: config.AUTH_DEV_LOGIN }),
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
