import 'reflect-metadata';
import Redis from 'ioredis';
import * as os from 'node:os';
import { join, resolve } from 'node:path';
import { benchConfig, Section } from './lib/config';
import { prepareServices, serverVersion } from './lib/db';
import { describeMachine, Measured, renderNotes, renderTable, report, save } from './lib/report';
import { scaleFrom } from './lib/scale';
import { startStack } from './lib/stack';
import { rowSpecs } from './rows';
import { brokerSection } from './sections/broker';
import { httpSection } from './sections/http';
import { jobsSection, postgresJobsSection } from './sections/jobs';
import { pipelineSection } from './sections/pipeline';
import { relaySection } from './sections/relay';
import { wrapperSection } from './sections/wrapper';

/**
 * `npm run bench`: runs each section, each beside a baseline measured in the same run, and
 * prints the rows of bench/rows.ts as one table (also saved under bench/results/). Exits 1 when
 * a row has no number: its section failed, or operations behind its figure did. Missed targets
 * do not fail it. See bench/README.md.
 */

// Compiled to dist-bench/bench/run.js: the repository is two levels up.
const REPO_ROOT = resolve(__dirname, '../..');
const CHILDREN_DIR = join(__dirname, 'children');

const started = performance.now();
const log = (line: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${line}\n`);

async function redisVersion(url: string): Promise<string> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    return /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}

interface SectionResult {
  readonly rows: Record<string, Measured>;
  readonly details: unknown;
}

async function main(): Promise<boolean> {
  const scale = scaleFrom();
  const config = benchConfig(REPO_ROOT);
  const wants = (section: Section) => config.only.has(section);
  const notes: string[] = [];
  const load = () => os.loadavg()[0].toFixed(1);
  const loadAtStart = load();
  log(`scale ${scale.name}; preparing ${config.database} and Redis ${config.redisUrl}`);
  await prepareServices(config);
  const machine = describeMachine(
    await serverVersion(config.databaseUrl),
    await redisVersion(config.redisUrl),
  );

  const measured: Record<string, Measured> = {};
  const details: Record<string, unknown> = {};
  // A failed section leaves its rows without numbers; the others still run and report.
  const attempt = async <T extends SectionResult>(name: string, work: () => Promise<T>) => {
    try {
      const result = await work();
      Object.assign(measured, result.rows);
      details[name] = result.details;
      return result;
    } catch (error) {
      log(`${name} failed: ${(error as Error).stack ?? String(error)}`);
      notes.push(`Section ${name} failed: ${(error as Error).message}`);
      return undefined;
    }
  };

  if (wants('wrapper')) await attempt('wrapper', () => wrapperSection(config, scale, log));
  if (wants('relay')) await attempt('relay', () => relaySection(config, scale, log));
  if (wants('broker')) {
    await attempt('broker', () => brokerSection(config, scale, CHILDREN_DIR, log));
  }
  if (wants('http') || wants('jobs') || wants('pipeline')) {
    log(`starting the stack (API, worker, fake partners; ${config.backend} bus)`);
    const stack = await startStack(config, CHILDREN_DIR);
    let jobs: Awaited<ReturnType<typeof jobsSection>> | undefined;
    try {
      if (wants('http')) await attempt('http', () => httpSection(config, scale, stack, log));
      if (wants('jobs')) jobs = await attempt('jobs', () => jobsSection(config, scale, stack, log));
      if (wants('pipeline')) {
        await attempt('pipeline', () => pipelineSection(config, scale, stack, log));
      }
    } finally {
      log('stopping the stack');
      await stack.stop();
    }
    if (jobs) {
      log('starting a second stack, its jobs on the PostgreSQL queue backend');
      const onPostgres = await startStack(config, CHILDREN_DIR, 'postgres');
      try {
        await attempt('jobs-postgres', () =>
          postgresJobsSection(config, scale, onPostgres, log, jobs.runs),
        );
      } finally {
        await onPostgres.stop();
      }
    }
  }

  const rows = rowSpecs(config, scale)
    .filter((spec) => wants(spec.section))
    .map((spec) => report(spec, measured[spec.id]));
  const cores = os.availableParallelism();
  notes.push(
    `Load average (1 min) ${loadAtStart} at the start, ${load()} at the end, on ${cores} cores: ` +
      `above ${cores}, other work shared the machine and the figures are noisy.`,
  );
  const settings = [
    `BENCH_SCALE=${scale.name}`,
    `BENCH_BACKEND=${config.backend}`,
    `BENCH_CONCURRENCY=${config.concurrency}`,
    `BENCH_RATE=${config.rate}`,
    `BENCH_DB_POOL=${config.poolSize}`,
    `BENCH_LOG_LEVEL=${config.logLevel}`,
    ...(process.env.BENCH_ONLY ? [`BENCH_ONLY=${process.env.BENCH_ONLY}`] : []),
  ].join(', ');
  const durationSeconds = (performance.now() - started) / 1000;
  const written = save(config.resultsDir, {
    scale: scale.name,
    settings,
    machine,
    rows,
    notes,
    details,
    durationSeconds,
  });
  log(`done in ${durationSeconds.toFixed(1)} s; wrote ${written.join(', ')}`);
  const noNumber = rows.filter((row) => row.verdict === 'NO NUMBER').map((row) => row.id);
  process.stdout.write(
    `\nBENCH_SCALE=${scale.name} on ${machine}\n\n${renderTable(rows)}\n\n` +
      renderNotes(rows, notes)
        .map((note) => `- ${note}\n`)
        .join('') +
      (noNumber.length
        ? `\nNO NUMBER for ${noNumber.join(', ')}: see the notes, the log above and ${config.logDir}\n`
        : ''),
  );
  return noNumber.length === 0;
}

main().then(
  (allRowsHaveNumbers) => process.exit(allRowsHaveNumbers ? 0 : 1),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
