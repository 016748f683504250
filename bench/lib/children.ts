import { ChildProcess, fork } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

export interface Child {
  readonly name: string;
  readonly pid: number;
  readonly ready: Record<string, unknown>;
  call<T = unknown>(cmd: string, arg?: unknown): Promise<T>;
  /** Asks the child to close its app and exit; kills it after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

interface Reply {
  readonly id?: number;
  readonly result?: unknown;
  readonly error?: string;
  readonly ready?: Record<string, unknown>;
}

/**
 * Forks a bench child (compiled under dist-bench/bench/children) with the given environment and
 * node flags; its stdout (the app's JSON logs) goes to `<logDir>/<name>.log`, and its stderr is
 * kept to explain a failed start.
 */
export async function startChild(options: {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  execArgv: string[];
  logDir: string;
  bootTimeoutMs?: number;
}): Promise<Child> {
  mkdirSync(options.logDir, { recursive: true });
  const logFd = openSync(join(options.logDir, `${options.name}.log`), 'w');
  const child: ChildProcess = fork(options.script, [], {
    env: options.env,
    execArgv: options.execArgv,
    stdio: ['ignore', logFd, 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8000);
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code) => {
    exited = true;
    for (const { reject } of pending.values()) {
      reject(new Error(`${options.name} exited (code ${code}): ${stderr.trim()}`));
    }
    pending.clear();
  });

  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${options.name} did not start in time: ${stderr.trim()}`)),
      options.bootTimeoutMs ?? 60_000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited during startup (code ${code}):\n${stderr.trim()}`));
    });
    child.on('message', (message: Reply) => {
      if (message.ready) {
        clearTimeout(timer);
        resolve(message.ready);
        return;
      }
      const waiter = message.id === undefined ? undefined : pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(`${options.name}: ${message.error}`));
      else waiter.resolve(message.result);
    });
  });

  return {
    name: options.name,
    pid: child.pid!,
    ready,
    call<T>(cmd: string, arg?: unknown): Promise<T> {
      if (exited) return Promise.reject(new Error(`${options.name} has exited`));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, cmd, arg });
      });
    },
    async stop(timeoutMs = 15_000) {
      if (exited) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.send({ id: nextId++, cmd: 'stop' });
      await exitedPromise;
      clearTimeout(timer);
    },
  };
}
