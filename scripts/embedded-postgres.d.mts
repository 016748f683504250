import type { ChildProcess } from 'node:child_process';

export interface EmbeddedPostgres {
  readonly port: number;
  readonly pid: number;
  url(database: string): string;
  stop(): Promise<void>;
}

export function startEmbeddedPostgres(options: {
  dataDir: string;
  settings?: string[];
  throwaway?: string;
}): Promise<EmbeddedPostgres>;

/** A loopback port nothing listens on now. */
export function freePort(): Promise<number>;

export function guard(
  processes: { pid: number; signal: NodeJS.Signals }[],
  folder?: string,
): ChildProcess;

export function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals,
  timeoutMs: number,
): Promise<void>;
