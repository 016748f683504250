import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { queueBackendOf, QueueSettings, useQueueBackend } from './queue-backend';
import { jobTelemetry } from './job-telemetry';
import { assertQueueSchemaReady } from './queue-schema';

export const QUEUE_BACKEND = Symbol('QUEUE_BACKEND');

/**
 * BullMQ on the configured backend, checked at boot: a process on the PostgreSQL backend does
 * not start until BullMQ's schema is there. Injects `QUEUE_BACKEND` for whoever reports on it.
 */
@Global()
@Module({})
export class QueueBackendModule {
  static forRoot(settings: QueueSettings, role: 'producer' | 'worker'): DynamicModule {
    const backend = queueBackendOf(settings);
    return {
      module: QueueBackendModule,
      imports: [
        BullModule.forRoot({ ...useQueueBackend(settings, role), telemetry: jobTelemetry() }),
      ],
      providers: [
        {
          provide: QUEUE_BACKEND,
          useFactory: async () => {
            if (backend === 'postgres') await assertQueueSchemaReady(settings.DATABASE_URL);
            return backend;
          },
        },
      ],
      exports: [QUEUE_BACKEND],
    };
  }
}
