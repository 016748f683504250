import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import {
  createValidationPipe,
  httpMetrics,
  KnownQueryParametersInterceptor,
  PlatformMetrics,
  ProblemDetailsFilter,
  requestShape,
  TraceMiddleware,
} from '@pharmacy/platform';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import type { ApiConfig } from './api.config';
import { serveAsyncApi } from './asyncapi';
import { serveOpenApi } from './openapi';
import { mountQueuesDashboard } from './queues-dashboard';

/** How the HTTP app is created around its module: logs wait for pino, the body parser comes later. */
export const HTTP_APP_OPTIONS = { bufferLogs: true, bodyParser: false } as const;

/** Builds the HTTP app exactly as production runs it; the tests boot it the same way. */
export async function createHttpApp(config: ApiConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot(config),
    HTTP_APP_OPTIONS,
  );
  return configureHttpApp(app, config);
}

/**
 * Everything the HTTP app gets around its module: security headers, tracing, logging, the problem
 * documents, validation, body limits. Separate from its creation so that a test entry point can
 * apply it to an app built from a testing module, whose providers it overrides.
 */
export function configureHttpApp(app: NestExpressApplication, config: ApiConfig): INestApplication {
  app.disable('x-powered-by');
  // Behind a TLS-terminating proxy: believe its X-Forwarded-Proto/For, so `secure` and the client
  // address (rate limits) are the real ones. A hop count, `loopback`, or addresses.
  if (config.TRUST_PROXY) {
    app.set(
      'trust proxy',
      /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY,
    );
  }
  app.use(helmet());
  // No CORS headers unless origins are configured: browsers on other sites are refused.
  if (config.CORS_ORIGINS) {
    app.enableCors({
      origin: config.CORS_ORIGINS,
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    });
  }
  // Before the body parser, so even a request refused as malformed JSON carries its request id.
  const trace = new TraceMiddleware();
  app.use(trace.use.bind(trace));
  app.use(httpMetrics(app.get(PlatformMetrics)));
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new KnownQueryParametersInterceptor());
  app.useBodyParser('json', { limit: '100kb' });
  app.use(requestShape);
  app.enableShutdownHooks();
  if (config.API_DOCS) {
    serveOpenApi(app);
    serveAsyncApi(app);
  }
  if (config.QUEUES_DASHBOARD) {
    mountQueuesDashboard(app, { writable: config.QUEUES_DASHBOARD_WRITE });
  }
  return app;
}
