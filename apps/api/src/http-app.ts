import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import {
  createValidationPipe,
  KnownQueryParametersInterceptor,
  ProblemDetailsFilter,
  requestShape,
  TraceMiddleware,
} from '@pharmacy/platform';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import type { ApiConfig } from './api.config';
import { serveOpenApi } from './openapi';
import { mountQueuesDashboard } from './queues-dashboard';

/** Builds the HTTP app exactly as production runs it; the tests boot it the same way. */
export async function createHttpApp(config: ApiConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  // Before the body parser, so even a request refused as malformed JSON carries its request id.
  const trace = new TraceMiddleware();
  app.use(trace.use.bind(trace));
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new KnownQueryParametersInterceptor());
  app.useBodyParser('json', { limit: '100kb' });
  app.use(requestShape);
  app.enableShutdownHooks();
  if (config.API_DOCS) serveOpenApi(app);
  if (config.QUEUES_DASHBOARD) mountQueuesDashboard(app);
  return app;
}
