import { setTimeout as sleep } from 'node:timers/promises';

/** Nearest-rank percentile of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? Number.NaN;
}

export type LoopResult = ReturnType<ReturnType<typeof tally>['result']>;

/** Operations done (with their latency, ms) and failed (with the first failure's message). */
function tally() {
  const latencies: number[] = [];
  const failures: string[] = [];
  return {
    done: (since: number) => void latencies.push(performance.now() - since),
    fail: (error: Error) => void failures.push(error.message),
    result: (elapsedMs: number) => ({
      count: latencies.length,
      errors: failures.length,
      firstError: failures[0] as string | undefined,
      elapsedMs,
      perSecond: (latencies.length / elapsedMs) * 1000,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    }),
  };
}

/**
 * Runs `op` back to back in `lanes` lanes, each starting a new operation only when its previous
 * one has finished (a closed loop): `warmupMs` unmeasured, then `loopMs` measured.
 */
export async function closedLoop(
  lanes: number,
  { warmupMs, loopMs }: { warmupMs: number; loopMs: number },
  op: () => Promise<unknown>,
): Promise<LoopResult> {
  const counted = tally();
  let phase: 'warm-up' | 'measuring' | 'stopping' = 'warm-up';
  const lane = async () => {
    while (phase !== 'stopping') {
      const started = performance.now();
      await op().then(
        () => phase === 'measuring' && counted.done(started),
        (error: Error) => phase === 'measuring' && counted.fail(error),
      );
    }
  };
  const running = Array.from({ length: lanes }, lane);
  await sleep(warmupMs);
  phase = 'measuring';
  const started = performance.now();
  await sleep(loopMs);
  phase = 'stopping';
  const elapsedMs = performance.now() - started;
  await Promise.all(running);
  return counted.result(elapsedMs);
}

/**
 * Starts `op(0)` … `op(count - 1)` at a fixed rate (an open loop: a slow operation does not delay
 * the next start) and waits for all. Latency counts from the intended start, so a backlog shows
 * in the percentiles instead of hiding.
 */
export async function fixedRate(
  perSecond: number,
  count: number,
  op: (index: number) => Promise<unknown>,
): Promise<LoopResult> {
  const counted = tally();
  const running: Promise<void>[] = [];
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const due = started + (index * 1000) / perSecond;
    if (due - performance.now() > 1) await sleep(due - performance.now());
    running.push(op(index).then(() => counted.done(due), counted.fail));
  }
  await Promise.all(running);
  return counted.result(performance.now() - started);
}

/** Runs `op` on each item, `lanes` at a time, as fast as they go. */
export async function inLanes<T>(lanes: number, items: readonly T[], op: (item: T) => unknown) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await op(items[next++]);
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

/** Polls until `probe` is true or `timeoutMs` passes; the timings never come from here. */
export async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${what}`);
    await sleep(100);
  }
}
