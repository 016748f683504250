import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * The child side of the bench's IPC: the parent sends `{ id, cmd, arg }`, the child answers
 * `{ id, result }` or `{ id, error }`. Every child answers `memory` (optionally after a full GC,
 * which needs --expose-gc), `profile-start` / `profile-stop` (a V8 CPU profile of one phase,
 * written as a .cpuprofile like --cpu-prof writes) and `stop` (closes the app, then exits).
 */
export type Handler = (arg: unknown) => Promise<unknown> | unknown;

interface Request {
  readonly id: number;
  readonly cmd: string;
  readonly arg?: unknown;
}

export function serveParent(
  ready: Record<string, unknown>,
  close: () => Promise<void>,
  handlers: Record<string, Handler> = {},
): void {
  let profiler: Session | undefined;
  const all: Record<string, Handler> = {
    ...handlers,
    'profile-start': async () => {
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.setSamplingInterval', { interval: 250 });
      await profiler.post('Profiler.start');
      return true;
    },
    'profile-stop': async (arg) => {
      if (!profiler) throw new Error('no profile is running');
      const { profile } = await profiler.post('Profiler.stop');
      profiler.disconnect();
      profiler = undefined;
      writeFileSync((arg as { path: string }).path, JSON.stringify(profile));
      return true;
    },
    memory: async (arg) => {
      const { gc } = arg as { gc?: boolean };
      if (gc) {
        const collect = (globalThis as { gc?: () => void }).gc;
        if (!collect) throw new Error('gc requested but the child runs without --expose-gc');
        // Twice, with a pause: the first pass may leave finalizers and weak references behind.
        collect();
        await new Promise((resolve) => setTimeout(resolve, 200));
        collect();
      }
      return process.memoryUsage();
    },
    stop: async () => {
      await close();
      setImmediate(() => process.exit(0));
      return true;
    },
  };
  process.on('message', (message: Request) => {
    const handler = all[message.cmd];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown command ${message.cmd}`);
        return handler(message.arg);
      })
      .then(
        (result) => process.send?.({ id: message.id, result }),
        (error: Error) => process.send?.({ id: message.id, error: error.message }),
      );
  });
  process.send?.({ ready });
}

export function fail(error: unknown): never {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
}
