import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { stopTelemetry } from './start-telemetry';

/** How long a shutdown waits for the last spans to be exported, in ms. */
const FLUSH_DEADLINE_MS = 5000;

/** Exports the spans still buffered when the app closes, within a deadline; a no-op untraced. */
@Injectable()
export class TelemetryShutdown implements OnApplicationShutdown {
  private readonly logger = new Logger('Telemetry');

  async onApplicationShutdown(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), FLUSH_DEADLINE_MS);
    });
    const outcome = await Promise.race([stopTelemetry().catch(() => 'failed' as const), deadline]);
    clearTimeout(timer);
    if (outcome === 'late' || outcome === 'failed') {
      this.logger.warn(`The last spans could not be exported (${outcome})`);
    }
  }
}
