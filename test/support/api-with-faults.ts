// A test entry point: the API as apps/api/src/main.ts boots it, with the fault points named by
// FAULT_POINTS (name:throw|crash,...) overriding the platform providers at those places. Built
// into dist-test by test/support/tsconfig.faults.json; production's dist never holds it, and the
// production main has no way to arm a fault.
import '../../apps/api/src/instrumentation';
import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { exitOnBootFailure, shutDownGracefully } from '@pharmacy/platform';
import { parseFaults, withFaults } from '@pharmacy/platform/testing';
import { ApiModule } from '../../apps/api/src/api.module';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { configureHttpApp, HTTP_APP_OPTIONS } from '../../apps/api/src/http-app';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const testing = Test.createTestingModule({ imports: [ApiModule.forRoot(config)] });
  const module = await withFaults(testing, parseFaults(process.env.FAULT_POINTS)).compile();
  const app = configureHttpApp(
    module.createNestApplication<NestExpressApplication>(HTTP_APP_OPTIONS),
    config,
  );
  shutDownGracefully(app, config.SHUTDOWN_TIMEOUT_MS);
  await app.listen(config.PORT);
}

main().catch(exitOnBootFailure);
