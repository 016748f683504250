import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { useQueueBackend } from '@pharmacy/platform';
import { Worker } from 'bullmq';
import { Logger } from 'nestjs-pino';
import { loadWorkerConfig } from '../../apps/worker/src/worker.config';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { fail, serveParent } from './ipc';

/**
 * The worker as apps/worker/src/main.ts boots it. It also hosts the bench's no-op BullMQ worker
 * on request, so the no-op baseline runs in the same process, on the same queue backend, with the same
 * connection options and concurrency as the eRx processor.
 */
async function main(): Promise<void> {
  const config = loadWorkerConfig(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.init();

  let noop: Worker | undefined;
  const stopNoop = async () => {
    await noop?.close();
    noop = undefined;
  };
  serveParent(
    {},
    async () => {
      await stopNoop();
      await app.close();
    },
    {
      'noop-start': async (arg) => {
        const { queue, concurrency } = arg as { queue: string; concurrency: number };
        await stopNoop();
        noop = new Worker(queue, async () => undefined, {
          connection: useQueueBackend(config, 'worker').connection,
          concurrency,
        });
        await noop.waitUntilReady();
        return true;
      },
      'noop-stop': stopNoop,
    },
  );
}

main().catch(fail);
