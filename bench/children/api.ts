import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { createHttpApp } from '../../apps/api/src/http-app';
import { serve } from './serve';

/** The API as production builds it (createHttpApp), on a port of its own. */
serve(async () => {
  const app = await createHttpApp(loadApiConfig(process.env));
  await app.listen(0, '127.0.0.1');
  return { port: (app.getHttpServer().address() as AddressInfo).port, close: () => app.close() };
});
