import { readConfig } from './config';
import { createFakePartnersServer } from './fake-partners-server';

// One JSON object per line on stdout, like the apps' pino logs, so the same tooling reads both.
function log(level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ level, time: Date.now(), msg, ...fields })}\n`);
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const partners = createFakePartnersServer({
    faults: config.faults,
    onRequest: ({ msg, ...entry }) => log('info', msg, entry),
  });
  const port = await partners.listen(config.port, config.host);
  log('info', 'fake partners listening', { host: config.host, port, faults: config.faults });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal means the operator will not wait for a graceful close.
    if (stopping) process.exit(1);
    stopping = true;
    log('info', 'fake partners closing', { signal });
    partners.close().then(
      () => log('info', 'fake partners closed'),
      (error: Error) => {
        log('error', 'fake partners failed to close', { error: error.message });
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  // Read by a person at boot, so plain text.
  process.stderr.write(
    `fake partners failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
