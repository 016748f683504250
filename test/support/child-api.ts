import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { waitFor } from './wait-for';

const API_ENTRY = join(__dirname, '../../dist/apps/api/src/main.js');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The built API as a real process, so a test can kill it with SIGKILL mid-flight. */
export class ChildApi {
  private output = '';

  private constructor(
    readonly process: ChildProcess,
    readonly baseUrl: string,
  ) {
    process.stdout?.on('data', (chunk) => (this.output = (this.output + chunk).slice(-20_000)));
    process.stderr?.on('data', (chunk) => (this.output = (this.output + chunk).slice(-20_000)));
  }

  static async start(env: NodeJS.ProcessEnv): Promise<ChildApi> {
    const port = await freePort();
    const child = spawn(process.execPath, [API_ENTRY], {
      env: { ...process.env, NODE_OPTIONS: '', ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const api = new ChildApi(child, `http://127.0.0.1:${port}`);
    await waitFor(
      'the child API to be ready',
      async () => {
        if (child.exitCode !== null) throw new Error(`The API exited early:\n${api.output}`);
        const ready = await fetch(`${api.baseUrl}/api/health/ready`).catch(() => undefined);
        return ready?.ok ? true : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 50 },
    );
    return api;
  }

  get log(): string {
    return this.output;
  }

  async kill(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = once(this.process, 'exit');
    this.process.kill('SIGKILL');
    await exited;
  }

  /** Resolves when the process dies on its own (a fault point that crashes it). */
  async exited(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    await once(this.process, 'exit');
  }
}
