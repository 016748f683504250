import { INestApplicationContext, Logger } from '@nestjs/common';
import { ShutdownState } from './shutdown-state';

/**
 * On SIGTERM or SIGINT: readiness turns not-ready at once, then the app closes in Nest's order:
 * job workers finish or hand back their jobs and the relay and reconciler stop
 * (`beforeApplicationShutdown`), the HTTP server stops accepting and drains its requests, and
 * only then do the database and Redis connections close, so the audit log records until the last
 * write. Whatever still runs at `deadlineMs` (a dead PostgreSQL or Redis can stall any step) is
 * abandoned: the process exits anyway, and the registry and BullMQ recover its work.
 */
export function shutDownGracefully(app: INestApplicationContext, deadlineMs: number): void {
  const logger = new Logger('Shutdown');
  let started = false;
  const shutDown = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    app.get(ShutdownState).beginDraining();
    logger.log(`${signal} received: draining, exiting within ${deadlineMs} ms`);
    const deadline = setTimeout(() => {
      logger.error(`Shutdown still running after ${deadlineMs} ms: exiting now`);
      process.exit(1);
    }, deadlineMs);
    deadline.unref();
    app.close().then(
      () => {
        logger.log('Shut down cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`Shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);
}
