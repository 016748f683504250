import './instrumentation';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { exitOnBootFailure, shutDownGracefully } from '@pharmacy/platform';
import { Logger } from 'nestjs-pino';
import { loadWorkerConfig } from './worker.config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // On SIGTERM: no new job is taken, active jobs finish or are handed back, within the deadline.
  shutDownGracefully(app, config.SHUTDOWN_TIMEOUT_MS);
  await app.init();
  app.get(Logger).log('Worker started');
}

main().catch(exitOnBootFailure);
