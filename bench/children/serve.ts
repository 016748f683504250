type Command = (arg: never) => Promise<unknown>;

/**
 * The child side of the bench's IPC. Once `start` resolves the child says `{ ready: { port } }`;
 * then the parent sends `{ id, cmd, arg }` and the child answers `{ id, result }` or
 * `{ id, error }`. Besides its own commands every child answers `memory` (process.memoryUsage()
 * after a full GC; needs --expose-gc) and `stop` (closes the app, then exits).
 */
export function serve(
  start: () => Promise<{ port?: number; close: () => Promise<unknown>; commands?: object }>,
): void {
  start().then(({ port, close, commands }) => {
    const all: Record<string, Command> = {
      ...(commands as Record<string, Command>),
      memory: async () => {
        const gc = (globalThis as { gc?: () => void }).gc!;
        // Twice, with a pause: the first pass may leave finalizers and weak references behind.
        gc();
        await new Promise((resolve) => setTimeout(resolve, 200));
        gc();
        return process.memoryUsage();
      },
      stop: async () => {
        await close();
        setImmediate(() => process.exit(0));
      },
    };
    process.on('message', ({ id, cmd, arg }: { id: number; cmd: string; arg: never }) => {
      const command = all[cmd] ?? (() => Promise.reject(new Error(`unknown command ${cmd}`)));
      Promise.resolve(arg)
        .then(command)
        .then(
          (result) => process.send!({ id, result }),
          (error: Error) => process.send!({ id, error: error.message }),
        );
    });
    process.on('disconnect', () => process.exit(1)); // the bench is gone
    process.send!({ ready: { port } });
  }, fail);
}

function fail(error: Error): never {
  process.stderr.write(`${error.stack ?? String(error)}\n`);
  process.exit(1);
}
