import './instrumentation';
import 'reflect-metadata';
import { exitOnBootFailure, shutDownGracefully } from '@pharmacy/platform';
import { loadApiConfig } from './api.config';
import { createHttpApp } from './http-app';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const app = await createHttpApp(config);
  shutDownGracefully(app, config.SHUTDOWN_TIMEOUT_MS);
  await app.listen(config.PORT);
}

main().catch(exitOnBootFailure);
