import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { createHttpApp } from '../../apps/api/src/http-app';
import { fail, serveParent } from './ipc';

/** The API as production builds it (createHttpApp), on a port of its own, driven by the bench. */
async function main(): Promise<void> {
  const app = await createHttpApp(loadApiConfig(process.env));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  serveParent({ port }, () => app.close());
}

main().catch(fail);
