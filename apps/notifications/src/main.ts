import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import {
  createValidationPipe,
  exitOnBootFailure,
  ProblemDetailsFilter,
  TraceMiddleware,
} from '@pharmacy/platform';
import { Logger } from 'nestjs-pino';
import { loadNotificationsConfig } from './notifications.config';
import { NotificationsAppModule } from './notifications-app.module';

async function main(): Promise<void> {
  const config = loadNotificationsConfig();
  const app = await NestFactory.create<NestExpressApplication>(
    NotificationsAppModule.forRoot(config),
    { bufferLogs: true },
  );
  const trace = new TraceMiddleware();
  app.use(trace.use.bind(trace));
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  await app.listen(config.PORT);
  app.get(Logger).log(`Notifications service listening on ${config.PORT}`);
}

main().catch(exitOnBootFailure);
