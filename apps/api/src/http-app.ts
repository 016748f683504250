import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { createValidationPipe, ProblemDetailsFilter } from '@pharmacy/platform';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import type { ApiConfig } from './api.config';

/** Builds the HTTP app exactly as production runs it; the tests boot it the same way. */
export async function createHttpApp(config: ApiConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.useBodyParser('json', { limit: '100kb' });
  app.enableShutdownHooks();
  return app;
}
