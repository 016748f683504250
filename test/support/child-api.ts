import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

const ENTRIES = {
  api: join(__dirname, '../../dist/apps/api/src/main.js'),
  /** The API with the fault points named by FAULT_POINTS (name:throw|crash,...): test-only. */
  'api-with-faults': join(__dirname, '../../dist-test/test/support/api-with-faults.js'),
  worker: join(__dirname, '../../dist/apps/worker/src/main.js'),
  notifications: join(__dirname, '../../dist/apps/notifications/src/main.js'),
};

/** A built app as a real process, so a test can read its logs or kill it with SIGKILL. */
export class ChildApp {
  private output = '';

  private constructor(
    readonly process: ChildProcess,
    readonly baseUrl: string,
  ) {
    process.stdout?.on('data', (chunk) => (this.output += chunk));
    process.stderr?.on('data', (chunk) => (this.output += chunk));
  }

  /** Everything it printed: JSON log lines, one per entry. */
  get log(): string {
    return this.output;
  }

  static async start(app: keyof typeof ENTRIES, env: NodeJS.ProcessEnv): Promise<ChildApp> {
    const port = await freePort();
    const child = spawn(process.execPath, [ENTRIES[app]], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        // The tests' defaults, as startStack's: demo mode, and limits no test run reaches.
        DEMO_MODE: 'true',
        RATE_LIMIT_LOGIN: '100000',
        RATE_LIMIT_ORDERS: '100000',
        RATE_LIMIT_DECISIONS: '100000',
        ...env,
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = new ChildApp(child, `http://127.0.0.1:${port}`);
    // A child that never got ready must not outlive the test: it would take jobs from the next.
    await waitFor(
      `the child ${app} to be ready`,
      async () => {
        if (child.exitCode !== null) throw new Error(`The ${app} exited early:\n${started.log}`);
        if (app === 'worker') return started.log.includes('Worker started') ? true : undefined;
        if (app === 'notifications') return started.log.includes('service listening') || undefined;
        const ready = await fetch(`${started.baseUrl}/api/health/ready`).catch(() => undefined);
        return ready?.ok ? true : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 50 },
    ).catch(async (error: unknown) => {
      await started.kill();
      throw error;
    });
    return started;
  }

  async kill(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = once(this.process, 'exit');
    this.process.kill('SIGKILL');
    await exited;
  }

  /** Resolves when the process dies on its own (a fault point that crashes it), within a deadline. */
  async exited(timeoutMs = 30_000): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const deadline = AbortSignal.timeout(timeoutMs);
    await once(this.process, 'exit', { signal: deadline }).catch(async (error: unknown) => {
      if (!deadline.aborted) throw error;
      await this.kill(); // never left running on the shared services
      throw new Error(`The process did not exit within ${timeoutMs} ms:\n${this.log}`);
    });
  }
}
