import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where the machine's CPU went during a phase: each bench process, PostgreSQL and Redis, in
 * cores (CPU seconds per wall second), from /proc. Linux only; elsewhere it reports nothing.
 */

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface ProcessStat {
  readonly comm: string;
  readonly ppid: number;
  /** utime + stime, all threads. */
  readonly ticks: number;
}

function statOf(pid: number): ProcessStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return {
      comm: stat.slice(open + 1, close),
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
    };
  } catch {
    return undefined; // It has gone.
  }
}

function machineTicks(): number {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const values = cpu.trim().split(/\s+/).slice(1).map(Number);
  const idle = values[3] + (values[4] ?? 0);
  return values.reduce((a, b) => a + b, 0) - idle;
}

interface Seen {
  readonly label: string;
  /** Ticks when first seen; 0 for a process born during the phase. */
  readonly first: number;
  last: number;
}

/**
 * Samples every process in /proc four times a second while a phase runs (so that processes born
 * and gone within it, like the PostgreSQL backends of a pool opened for one run, count too), and
 * sorts them: the bench's own processes by name, `postgres` (its server and the backends serving
 * the bench's database), `redis`, `kernel` threads, and `foreign`: everything else, such as a
 * test run or a build elsewhere on the machine, which skews the figures.
 */
export class CpuMeter {
  constructor(
    private readonly processes: Record<string, number>,
    private readonly database: string,
  ) {}

  private labelOf(pid: number, stat: ProcessStat): string {
    const own = Object.entries(this.processes).find(([, p]) => p === pid)?.[0];
    if (own) return own;
    if (pid === 2 || stat.ppid === 2) return 'kernel';
    if (stat.comm.startsWith('redis-server')) return 'redis';
    if (stat.comm.startsWith('postgres')) {
      // "postgres: 15/main: <user> <database> <client> <state>" for a client backend.
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const client = /^postgres: [^:]+: (\S+) (\S+) \d/.exec(title);
      return !client || client[2] === this.database ? 'postgres' : `foreign:postgres ${client[2]}`;
    }
    return `foreign:${stat.comm}`;
  }

  private sample(seen: Map<number, Seen>, initial: boolean): void {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      const stat = statOf(pid);
      if (!stat) continue;
      const known = seen.get(pid);
      if (known) {
        known.last = Math.max(known.last, stat.ticks);
        continue;
      }
      try {
        seen.set(pid, {
          label: this.labelOf(pid, stat),
          first: initial ? stat.ticks : 0,
          last: stat.ticks,
        });
      } catch {
        // It has gone.
      }
    }
  }

  /** Starts measuring; the returned function ends it and gives cores used per label. */
  start(): () => Record<string, number> {
    const seen = new Map<number, Seen>();
    let startedAt: number;
    let machineBefore: number;
    try {
      this.sample(seen, true);
      startedAt = performance.now();
      machineBefore = machineTicks();
    } catch {
      return () => ({}); // Not Linux.
    }
    const timer = setInterval(() => this.sample(seen, false), 250);
    timer.unref();
    return () => {
      clearInterval(timer);
      this.sample(seen, false);
      const seconds = (performance.now() - startedAt) / 1000;
      const cores = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 100) / 100;
      const ticks = new Map<string, number>();
      for (const { label, first, last } of seen.values()) {
        ticks.set(label, (ticks.get(label) ?? 0) + Math.max(0, last - first));
      }
      const result: Record<string, number> = {};
      for (const label of [...Object.keys(this.processes), 'postgres', 'redis', 'kernel']) {
        result[label] = cores(ticks.get(label) ?? 0);
      }
      const foreign = [...ticks].filter(([label]) => label.startsWith('foreign:'));
      result.foreign = cores(foreign.reduce((sum, [, t]) => sum + t, 0));
      result.machine = cores(machineTicks() - machineBefore);
      // What no process was charged with: interrupts, and processes that ended between samples.
      const counted = Object.entries(result)
        .filter(([label]) => label !== 'machine')
        .reduce((sum, [, value]) => sum + value, 0);
      result.unattributed = Math.round((result.machine - counted) * 100) / 100;
      // The biggest foreign processes by name, to say what disturbed the run.
      for (const [label, t] of foreign.sort((a, b) => b[1] - a[1]).slice(0, 3)) {
        if (cores(t) >= 0.05) result[label] = cores(t);
      }
      return result;
    };
  }
}

export function describeCpu(usage: Record<string, number>): string {
  return Object.entries(usage)
    .filter(([label, cores]) => cores !== 0 || label === 'foreign')
    .map(([label, cores]) => `${label} ${cores.toFixed(2)}`)
    .join(', ');
}
