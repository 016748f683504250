import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { useQueueBackend } from '@pharmacy/platform/testing';
import { Worker } from 'bullmq';
import { Logger } from 'nestjs-pino';
import { loadWorkerConfig } from '../../apps/worker/src/worker.config';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { serve } from './serve';

/**
 * The worker as apps/worker/src/main.ts boots it. On request it also runs the no-op BullMQ worker
 * of 5a and 5b's baselines: in the same process, with the same connection options as the eRx
 * processor.
 */
serve(async () => {
  const config = loadWorkerConfig(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.init();
  let noop: Worker | undefined;
  const stopNoop = async () => void (await noop?.close());
  return {
    close: async () => {
      await stopNoop();
      await app.close();
    },
    commands: {
      'noop-start': async ({ queue, concurrency }: { queue: string; concurrency: number }) => {
        const { connection } = useQueueBackend(config, 'worker');
        noop = new Worker(queue, async () => undefined, { connection, concurrency });
        await noop.waitUntilReady();
      },
      'noop-stop': stopNoop,
    },
  };
});
