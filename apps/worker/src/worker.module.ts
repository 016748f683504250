import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ehrPersistence, EhrWorkerModule } from '@pharmacy/ehr';
import { NotificationsModule, notificationsPersistence } from '@pharmacy/notifications';
import { ordersPersistence, OrdersWorkerModule } from '@pharmacy/orders';
import {
  AuditModule,
  databaseTimeoutsFrom,
  LoggingModule,
  MetricsModule,
  PlatformModule,
  platformOptionsFrom,
  platformPersistence,
  postgresOptions,
  QueueBackendModule,
} from '@pharmacy/platform';
import type { WorkerConfig } from './worker.config';

/** The job host: the same modules as the API, plus their BullMQ processors; no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    const timeoutMs = config.PARTNER_TIMEOUT_MS;
    return {
      module: WorkerModule,
      imports: [
        LoggingModule.forRoot(config.LOG_LEVEL),
        MetricsModule.forRoot({ port: config.METRICS_PORT, path: config.METRICS_PATH }),
        PlatformModule.forRoot(
          platformOptionsFrom(
            config,
            postgresOptions(
              {
                url: config.DATABASE_URL,
                poolSize: config.DATABASE_POOL_SIZE,
                timeouts: databaseTimeoutsFrom(config),
              },
              [platformPersistence, ordersPersistence, ehrPersistence, notificationsPersistence],
            ),
          ),
        ),
        AuditModule.forRoot({ tables: { orders: ['status'], prescriptions: ['status'] } }),
        CqrsModule.forRoot(),
        QueueBackendModule.forRoot(config, 'worker'),
        EhrWorkerModule.forRoot({ baseUrl: config.ERX_BASE_URL, timeoutMs }),
        OrdersWorkerModule.forRoot({ baseUrl: config.PHARMACY_BASE_URL, timeoutMs }),
        ...(config.NOTIFICATIONS_EXTRACTED ? [] : [NotificationsModule]),
      ],
    };
  }
}
