import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ehrPersistence, EhrWorkerModule } from '@pharmacy/ehr';
import { NotificationsModule, notificationsPersistence } from '@pharmacy/notifications';
import { ordersPersistence, OrdersWorkerModule } from '@pharmacy/orders';
import {
  AuditModule,
  LoggingModule,
  PlatformModule,
  platformOptionsFrom,
  platformPersistence,
  postgresOptions,
  redisConnection,
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
        PlatformModule.forRoot(
          platformOptionsFrom(
            config,
            postgresOptions({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }, [
              platformPersistence,
              ordersPersistence,
              ehrPersistence,
              notificationsPersistence,
            ]),
          ),
        ),
        AuditModule.forRoot({ tables: { orders: ['status'], prescriptions: ['status'] } }),
        CqrsModule.forRoot(),
        BullModule.forRoot({ connection: redisConnection(config.REDIS_URL, 'worker') }),
        EhrWorkerModule.forRoot({ baseUrl: config.ERX_BASE_URL, timeoutMs }),
        OrdersWorkerModule.forRoot({ baseUrl: config.PHARMACY_BASE_URL, timeoutMs }),
        ...(config.NOTIFICATIONS_EXTRACTED ? [] : [NotificationsModule]),
      ],
    };
  }
}
