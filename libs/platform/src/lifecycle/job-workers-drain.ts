import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

/**
 * Closes every BullMQ worker of the app before anything else shuts down: each stops taking jobs
 * and waits for its active ones to finish, while the database, the event bus and the audit log
 * are still there for them. A job still running at the shutdown deadline is handed back by
 * BullMQ's stalled-job check once its lock expires.
 */
@Injectable()
export class JobWorkersDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(private readonly discovery: DiscoveryService) {}

  async beforeApplicationShutdown(): Promise<void> {
    const hosts = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
    const workers = hosts.map((host) => host.worker).filter((worker) => worker !== undefined);
    if (workers.length === 0) return;
    this.logger.log(`Closing ${workers.length} job workers; waiting for their active jobs`);
    await Promise.all(workers.map((worker) => worker.close()));
    this.logger.log('Job workers closed');
  }
}
