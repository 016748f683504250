/**
 * The child side of the bench's IPC: the parent sends `{ id, cmd, arg }`, the child answers
 * `{ id, result }` or `{ id, error }`. Every child answers `memory` (optionally after a full GC,
 * which needs --expose-gc) and `stop` (closes the app, then exits so --cpu-prof can write).
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
  const all: Record<string, Handler> = {
    ...handlers,
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
