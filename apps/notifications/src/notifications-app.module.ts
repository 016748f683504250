import { DynamicModule, Module } from '@nestjs/common';
import { NotificationsModule } from '@pharmacy/notifications';
import {
  AuthModule,
  authOptionsFrom,
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
        AuthModule.forRoot(authOptionsFrom(config)),
        NotificationsModule,
        DeadLettersAdminModule,
      ],
    };
  }
}
