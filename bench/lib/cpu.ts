import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where the machine's CPU went during a phase: each bench process, PostgreSQL and Redis, in
 * cores (CPU seconds per wall second), from /proc. Linux only; elsewhere it reports nothing.
 */

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

function pidsNamed(names: readonly string[]): Map<number, string> {
  const found = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      const name = names.find((n) => comm.startsWith(n));
      if (name) found.set(Number(entry), name);
    } catch {
      // The process has gone.
    }
  }
  return found;
}

function machineTicks(): { busy: number; total: number } {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const values = cpu.trim().split(/\s+/).slice(1).map(Number);
  const idle = values[3] + (values[4] ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

interface Snapshot {
  readonly at: number;
  /** pid → [label, ticks] */
  readonly byPid: Map<number, [string, number]>;
  readonly machineBusy: number;
}

export class CpuMeter {
  constructor(private readonly processes: Record<string, number>) {}

  private snapshot(): Snapshot | undefined {
    try {
      const byPid = new Map<number, [string, number]>();
      for (const [label, pid] of Object.entries(this.processes))
        byPid.set(pid, [label, ticksOf(pid)]);
      for (const [pid, name] of pidsNamed(['postgres', 'redis-server'])) {
        byPid.set(pid, [name === 'postgres' ? 'postgres' : 'redis', ticksOf(pid)]);
      }
      return { at: performance.now(), byPid, machineBusy: machineTicks().busy };
    } catch {
      return undefined;
    }
  }

  /**
   * Starts measuring; the returned function ends it and gives cores used per label. A process
   * that exits during the phase is not counted (PostgreSQL backends of pools that stay open are).
   */
  start(): () => Record<string, number> {
    const before = this.snapshot();
    return () => {
      const after = this.snapshot();
      if (!before || !after) return {};
      const seconds = (after.at - before.at) / 1000;
      const cores = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 100) / 100;
      const ticks = new Map<string, number>();
      for (const [pid, [label, now]] of after.byPid) {
        const then = before.byPid.get(pid)?.[1] ?? 0;
        ticks.set(label, (ticks.get(label) ?? 0) + Math.max(0, now - then));
      }
      const result: Record<string, number> = {};
      for (const [label, t] of ticks) result[label] = cores(t);
      result.machine = cores(after.machineBusy - before.machineBusy);
      // The rest: the kernel's own work (network softirqs), processes that exited during the
      // phase, and anything else running on the machine (another test run would show here).
      const counted = Object.entries(result)
        .filter(([label]) => label !== 'machine')
        .reduce((sum, [, value]) => sum + value, 0);
      result.other = Math.round((result.machine - counted) * 100) / 100;
      return result;
    };
  }
}

export function describeCpu(usage: Record<string, number>): string {
  return Object.entries(usage)
    .map(([label, cores]) => `${label} ${cores.toFixed(2)}`)
    .join(', ');
}
