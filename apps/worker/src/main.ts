import './instrumentation';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { exitOnBootFailure } from '@pharmacy/platform';
import { Logger } from 'nestjs-pino';
import { loadWorkerConfig } from './worker.config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // On SIGTERM Nest closes the BullMQ workers: active jobs finish, no new job is taken.
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log('Worker started');
}

main().catch(exitOnBootFailure);
