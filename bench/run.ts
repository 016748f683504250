import 'reflect-metadata';
import Redis from 'ioredis';
import { join, resolve } from 'node:path';
import { BENCH_DATABASE, benchConfig, Section } from './lib/config';
import { CpuMeter, describeCpu } from './lib/cpu';
import { prepareServices, serverVersion } from './lib/db';
import {
  describeMachine,
  machine,
  renderTable,
  report,
  ReportedRow,
  Row,
  save,
} from './lib/report';
import { scaleFrom } from './lib/scale';
import { Stack, startStack } from './lib/stack';
import { brokerSection } from './sections/broker';
import { busSection } from './sections/bus';
import { httpSection } from './sections/http';
import { jobsSection, postgresJobsSection } from './sections/jobs';
import { pipelineSection } from './sections/pipeline';
import { relaySection } from './sections/relay';
import { wrapperSection } from './sections/wrapper';

/**
 * `npm run bench`: measures the event bus, the after-commit wrapper, the HTTP API, the pipeline
 * and the jobs against baselines measured in the same run, and prints one table (also saved
 * under bench/results/). See bench/README.md.
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

async function main(): Promise<void> {
  const scale = scaleFrom();
  const config = benchConfig(REPO_ROOT);
  const wants = (section: Section) => config.only.has(section);
  log(`scale ${scale.name}; preparing pharmacy_bench and Redis ${config.redisUrl}`);
  await prepareServices(config);
  const host = machine(
    await serverVersion(config.databaseUrl),
    await redisVersion(config.redisUrl),
  );

  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  const notes: string[] = [];
  const warnings: string[] = [];
  const cpuBySection: Record<string, Record<string, number>> = {};
  // The machine must be otherwise idle: where the CPU went is reported per section, and CPU
  // used by foreign processes (not the bench's, PostgreSQL's, Redis's or the kernel's) is flagged.
  const section = async <T>(name: string, meter: CpuMeter, work: () => Promise<T>) => {
    const stop = meter.start();
    const result = await work();
    const usage = stop();
    cpuBySection[name] = usage;
    log(`${name}: CPU in cores: ${describeCpu(usage)}`);
    if ((usage.foreign ?? 0) > 0.2) {
      warnings.push(
        `During section ${name}, other processes on the machine used ${usage.foreign} cores ` +
          `(${describeCpu(usage)}): its figures are suspect; run again on a quiet machine.`,
      );
    }
    return result;
  };
  const alone = new CpuMeter({ bench: process.pid }, BENCH_DATABASE);

  if (wants('bus')) {
    const bus = await section('bus', alone, () => busSection(config, scale, log));
    rows.push(...bus.rows);
    details.bus = bus.details;
  }
  if (wants('wrapper')) {
    const wrapper = await section('wrapper', alone, () => wrapperSection(config, scale, log));
    rows.push(...wrapper.rows);
    notes.push(...wrapper.notes);
    details.wrapper = wrapper.details;
  }
  if (wants('relay')) {
    const relay = await section('relay', alone, () => relaySection(config, scale, log));
    rows.push(...relay.rows);
    notes.push(...relay.notes);
    details.relay = relay.details;
  }
  if (wants('broker')) {
    const broker = await section('broker', alone, () =>
      brokerSection(config, scale, CHILDREN_DIR, log),
    );
    rows.push(...broker.rows);
    notes.push(...broker.notes);
    details.broker = broker.details;
  }
  if (wants('http') || wants('jobs') || wants('pipeline')) {
    log(`starting the stack (API, worker, fake partners; ${config.backend} bus)`);
    const stack: Stack = await startStack(config, CHILDREN_DIR);
    try {
      if (wants('http')) {
        const http = await section('http', stack.cpu, () =>
          httpSection(config, scale, stack, CHILDREN_DIR, log),
        );
        rows.push(...http.rows);
        notes.push(...http.notes);
        details.http = http.details;
      }
      if (wants('jobs')) {
        const jobs = await section('jobs', stack.cpu, () => jobsSection(config, scale, stack, log));
        rows.push(...jobs.rows);
        notes.push(...jobs.notes);
        details.jobs = jobs.details;
      }
      if (wants('pipeline')) {
        if (config.backend === 'registry') {
          const pipeline = await section('pipeline', stack.cpu, () =>
            pipelineSection(config, scale, stack, log),
          );
          rows.push(...pipeline.rows);
          notes.push(...pipeline.notes);
          details.pipeline = pipeline.details;
        } else {
          notes.push(
            'Pipeline rows need BENCH_BACKEND=registry: their times come from event_publications.',
          );
        }
      }
      const partnerStats = await stack.partners.call('stats');
      details.partners = summarizePartners(partnerStats);
    } finally {
      log('stopping the stack');
      await stack.stop();
    }
  }

  const onRedis = details.jobs as Parameters<typeof postgresJobsSection>[4] | undefined;
  if (onRedis) {
    log('starting a second stack, its jobs on the PostgreSQL queue backend');
    const stack: Stack = await startStack(config, CHILDREN_DIR, 'postgres');
    try {
      const jobs = await section('jobs-postgres', stack.cpu, () =>
        postgresJobsSection(config, scale, stack, log, onRedis),
      );
      rows.push(...jobs.rows);
      notes.push(...jobs.notes);
      details.jobsOnPostgres = jobs.details;
    } finally {
      log('stopping the second stack');
      await stack.stop();
    }
  }

  // By id: 1 bus, 2 wrapper, 3 HTTP, 4 pipeline, 5 jobs, 6 resources, 7 relay, 8 broker.
  const reported: ReportedRow[] = rows
    .map(report)
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  if (config.cpuProfile.length) notes.push(`CPU profiles written to ${config.profileDir}.`);
  details.cpuBySection = cpuBySection;
  notes.unshift(...warnings.map((w) => `WARNING: ${w}`));
  const settings = {
    BENCH_SCALE: scale.name,
    BENCH_BACKEND: config.backend,
    BENCH_CONCURRENCY: config.concurrency,
    BENCH_RATE: config.rate,
    BENCH_DB_POOL: config.poolSize,
    BENCH_LOG_LEVEL: config.logLevel,
    ...(process.env.BENCH_ONLY ? { BENCH_ONLY: process.env.BENCH_ONLY } : {}),
  };
  const durationSeconds = (performance.now() - started) / 1000;
  const written = save(config.resultsDir, {
    scale: scale.name,
    settings,
    machine: host,
    rows: reported,
    details,
    notes,
    durationSeconds,
  });
  log(`done in ${durationSeconds.toFixed(1)} s; wrote ${written.join(', ')}`);
  process.stdout.write(
    `\nBENCH_SCALE=${scale.name} on ${describeMachine(host)}\n\n${renderTable(reported)}\n\n` +
      `Notes and raw figures: ${written.filter((f) => f.includes(scale.name)).join(', ')}\n`,
  );
  for (const warning of warnings) process.stderr.write(`WARNING: ${warning}\n`);
  const failed = reported.filter((row) => (row.errors ?? 0) > 0);
  if (failed.length) {
    throw new Error(
      `operations failed behind ${failed.map((r) => `${r.id} (${r.errors})`).join(', ')}: ` +
        'those figures are not valid (see the logs in ' +
        config.logDir +
        ')',
    );
  }
}

/** Partner call counts without the per-key breakdown (one entry per prescription and order). */
function summarizePartners(stats: unknown): unknown {
  const s = stats as Record<string, Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(s).map(([name, value]) => [
      name,
      Object.fromEntries(Object.entries(value ?? {}).filter(([key]) => key !== 'byKey')),
    ]),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
