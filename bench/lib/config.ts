import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SECTIONS = ['wrapper', 'relay', 'broker', 'http', 'jobs', 'pipeline'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchConfig {
  /** The server's maintenance database, from which the bench's database is dropped and created. */
  readonly adminUrl: string;
  /** The bench's own database (BENCH_DATABASE, pharmacy_bench): dropped and created each run. */
  readonly database: string;
  readonly databaseUrl: string;
  /** A Redis database of the bench's own: flushed at the start of each run. */
  readonly redisUrl: string;
  /** RabbitMQ for section 8; the bench declares a namespace of its own and deletes it after. */
  readonly brokerUrl: string;
  /** Connections per pool: the app's DATABASE_POOL_SIZE and every raw-pg baseline's pool. */
  readonly poolSize: number;
  /** Lanes of the wrapper runs, HTTP connections, and the raw-pg ceilings beside them. */
  readonly concurrency: number;
  /** The rate of approvals in the approval → ready run, per second. */
  readonly rate: number;
  readonly backend: 'registry' | 'memory';
  readonly logLevel: string;
  readonly jwtSecret: string;
  /** Child processes to profile, one .cpuprofile per measured phase (api, worker, partners). */
  readonly cpuProfile: readonly string[];
  readonly profileDir: string;
  readonly only: ReadonlySet<Section>;
  readonly resultsDir: string;
  readonly logDir: string;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

export function benchConfig(repoRoot: string): BenchConfig {
  const server = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/');
  const adminUrl = new URL(server);
  adminUrl.pathname = '/postgres';
  const database = process.env.BENCH_DATABASE ?? 'pharmacy_bench';
  if (!/^[a-z_][a-z0-9_]*$/.test(database))
    throw new Error('BENCH_DATABASE: a plain lower-case name');
  const databaseUrl = new URL(server);
  databaseUrl.pathname = `/${database}`;
  const backend = process.env.BENCH_BACKEND ?? 'registry';
  if (backend !== 'registry' && backend !== 'memory') {
    throw new Error('BENCH_BACKEND must be registry or memory');
  }
  const only = (process.env.BENCH_ONLY ?? SECTIONS.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const section of only) {
    if (!SECTIONS.includes(section as Section)) {
      throw new Error(`BENCH_ONLY takes ${SECTIONS.join(', ')}; got "${section}"`);
    }
  }
  return {
    adminUrl: adminUrl.toString(),
    database,
    databaseUrl: databaseUrl.toString(),
    redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9',
    brokerUrl: process.env.BENCH_BROKER_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    poolSize: int('BENCH_DB_POOL', 10),
    concurrency: int('BENCH_CONCURRENCY', 16),
    rate: int('BENCH_RATE', 200),
    backend,
    logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
    jwtSecret: randomBytes(32).toString('hex'),
    cpuProfile: (process.env.BENCH_CPU_PROF ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    profileDir: process.env.BENCH_PROFILE_DIR ?? join(repoRoot, 'bench/results/profiles'),
    // The pipeline row's times come from event_publications, which only the registry writes.
    only: new Set((only as Section[]).filter((s) => backend === 'registry' || s !== 'pipeline')),
    resultsDir: process.env.BENCH_RESULTS_DIR ?? join(repoRoot, 'bench/results'),
    logDir: join(tmpdir(), 'pharmacy-bench-logs'),
  };
}
