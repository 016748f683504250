import { setTimeout as sleep } from 'node:timers/promises';

/** Nearest-rank percentile of unsorted samples (ms); NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface Latencies {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export function summarize(samples: readonly number[]): Latencies {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

export interface LoopResult {
  /** Operations completed in the measured window. */
  readonly count: number;
  readonly errors: number;
  readonly elapsedMs: number;
  readonly perSecond: number;
  /** Per-operation latency, ms. */
  readonly latency: Latencies;
  /** First error seen, if any, to say what went wrong. */
  readonly firstError?: string;
}

/**
 * Runs `op` back to back in `concurrency` lanes: first `warmupMs` unmeasured, then `durationMs`
 * measured. Each lane starts a new operation only when its previous one has finished (a closed
 * loop), so the figure is the throughput at that concurrency.
 */
export async function closedLoop(options: {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  op: (lane: number) => Promise<unknown>;
}): Promise<LoopResult> {
  const { concurrency, op } = options;
  let measuring = false;
  let stop = false;
  let count = 0;
  let errors = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];
  const lane = async (index: number) => {
    while (!stop) {
      const started = performance.now();
      try {
        await op(index);
        if (measuring && !stop) {
          count++;
          latencies.push(performance.now() - started);
        }
      } catch (error) {
        if (measuring) errors++;
        firstError ??= (error as Error).message;
      }
    }
  };
  const lanes = Array.from({ length: concurrency }, (_, index) => lane(index));
  if (options.warmupMs > 0) await sleep(options.warmupMs);
  measuring = true;
  const started = performance.now();
  await sleep(options.durationMs);
  const elapsedMs = performance.now() - started;
  stop = true;
  await Promise.all(lanes);
  return {
    count,
    errors,
    elapsedMs,
    perSecond: (count / elapsedMs) * 1000,
    latency: summarize(latencies),
    firstError,
  };
}

/**
 * Starts `op` at a fixed rate (an open loop: a slow operation does not delay the next start) for
 * `durationMs`, and waits for all of them. Latency counts from the intended start, so a backlog
 * shows in the percentiles instead of hiding (no coordinated omission).
 */
export async function fixedRate(options: {
  perSecond: number;
  durationMs: number;
  op: (index: number) => Promise<unknown>;
}): Promise<LoopResult> {
  const intervalMs = 1000 / options.perSecond;
  const total = Math.max(1, Math.round((options.durationMs / 1000) * options.perSecond));
  const latencies: number[] = [];
  const running: Promise<void>[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  for (let index = 0; index < total; index++) {
    const due = started + index * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    running.push(
      options.op(index).then(
        () => void latencies.push(performance.now() - due),
        (error: unknown) => {
          errors++;
          firstError ??= (error as Error).message;
        },
      ),
    );
  }
  await Promise.all(running);
  const elapsedMs = performance.now() - started;
  return {
    count: latencies.length,
    errors,
    elapsedMs,
    perSecond: (latencies.length / elapsedMs) * 1000,
    latency: summarize(latencies),
    firstError,
  };
}

/** Polls until `probe` is true or `timeoutMs` passes; the timings themselves never come from here. */
export async function until(
  description: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${description}`);
    await sleep(intervalMs);
  }
}
