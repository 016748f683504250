import { DEFAULT_REGISTRY_OPTIONS } from '@pharmacy/platform/testing';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SECTIONS = ['wrapper', 'relay', 'broker', 'http', 'jobs', 'pipeline'] as const;
export type Section = (typeof SECTIONS)[number];

/** Lanes of the wrapper runs, HTTP connections, approval lanes, and their raw baselines. */
export const CONCURRENCY = 16;
/** The app's DATABASE_POOL_SIZE (its default) and every raw-pg baseline's pool. */
export const POOL_SIZE = 10;
/** Approvals per second in 4b. */
export const RATE = 200;
/** The concurrency of the app's processors (@Processor(..., { concurrency: 8 })). */
export const PROCESSOR_CONCURRENCY = 8;
/** The relay's batch (8a's raw baseline publishes in the same), consumers' prefetch, 8c's rate. */
export const BROKER = { batch: DEFAULT_REGISTRY_OPTIONS.batchSize, prefetch: 8, rate: 50 };

/**
 * How much each measurement does (`BENCH_SCALE`): the warm-up and the measured run of each closed
 * loop, ms (2, 3; 8c sends 50 events a second for loopMs); approvals of 4b; jobs per run of 5;
 * the backlog of 7a; messages per run of 8.
 */
const scale = (
  warmupMs: number,
  loopMs: number,
  approvals: number,
  jobs: number,
  backlog: number,
  messages: number,
) => ({ warmupMs, loopMs, approvals, jobs, backlog, messages });
const SCALES = {
  smoke: scale(200, 600, 60, 100, 2000, 500),
  default: scale(1000, 5000, 1200, 1500, 50_000, 5000),
  long: scale(5000, 30_000, 6000, 6000, 50_000, 20_000),
};
export type Scale = ReturnType<typeof scale> & { readonly name: string };

/** Progress on stderr, with the seconds since the bench started. */
export const log = (line: string) =>
  process.stderr.write(`[bench ${(performance.now() / 1000).toFixed(1)}s] ${line}\n`);

export type Config = ReturnType<typeof benchConfig>;

/** The bench's settings: where its services are, and which sections run. */
export function benchConfig() {
  const scaleName = process.env.BENCH_SCALE ?? 'default';
  if (!(scaleName in SCALES)) throw new Error(`BENCH_SCALE: ${Object.keys(SCALES).join(', ')}`);
  const database = process.env.BENCH_DATABASE ?? 'pharmacy_bench';
  if (!/^[a-z_][a-z0-9_]*$/.test(database))
    throw new Error('BENCH_DATABASE: a plain lower-case name');
  const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
  const only = (process.env.BENCH_ONLY ?? SECTIONS.join(',')).split(',').map((s) => s.trim());
  const unknown = only.filter((s) => !SECTIONS.includes(s as Section));
  if (unknown.length) throw new Error(`BENCH_ONLY takes ${SECTIONS.join(', ')}; got ${unknown}`);
  // Compiled to dist-bench/bench/lib/: the repository is three levels up.
  const repoRoot = resolve(__dirname, '../../..');
  return {
    scale: { name: scaleName, ...SCALES[scaleName as keyof typeof SCALES] } as Scale,
    only: new Set(only as Section[]),
    /** Dropped and created each run. */
    database,
    adminUrl: new URL('/postgres', server).toString(),
    databaseUrl: new URL(`/${database}`, server).toString(),
    /** Flushed at the start of each run. */
    redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9',
    brokerUrl: process.env.BENCH_BROKER_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    jwtSecret: randomBytes(32).toString('hex'),
    /** Children started with --cpu-prof (api, worker, partners): a diagnostic, off the table. */
    cpuProfile: (process.env.BENCH_CPU_PROF ?? '').split(','),
    resultsDir: join(repoRoot, 'bench/results'),
    logDir: join(tmpdir(), 'pharmacy-bench-logs'),
  };
}
