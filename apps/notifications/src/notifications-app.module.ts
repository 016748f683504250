import { DynamicModule, Module } from '@nestjs/common';
import { NotificationsModule } from '@pharmacy/notifications';
import {
  AuthModule,
  DeadLettersAdminModule,
  LoggingModule,
  PlatformModule,
  platformOptionsFrom,
} from '@pharmacy/platform';
import { databaseOptions } from './database';
import type { NotificationsConfig } from './notifications.config';
import { PatientsByTokenModule } from './patients-by-token.directory';

/**
 * The notifications module as a service of its own: the same module as in the monolith, wired
 * to its own database and to RabbitMQ. It hears Orders' events only through its queues.
 */
@Module({})
export class NotificationsAppModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: NotificationsAppModule,
      imports: [
        LoggingModule.forRoot(config.LOG_LEVEL),
        PatientsByTokenModule,
        PlatformModule.forRoot(platformOptionsFrom(config, databaseOptions(config))),
        AuthModule.forRoot({
          keys: {
            current: { id: config.JWT_KEY_ID, secret: config.JWT_SECRET },
            previous: config.JWT_PREVIOUS_KEYS ?? [],
          },
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          tokenTtlSeconds: config.JWT_TTL_SECONDS,
        }),
        NotificationsModule,
        DeadLettersAdminModule,
      ],
    };
  }
}
