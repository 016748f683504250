import 'reflect-metadata';
import * as os from 'node:os';
import { benchConfig, log, Section } from './lib/config';
import { prepareServices } from './lib/db';
import { describeMachine, judge, publish, Rows } from './lib/report';
import { startStack } from './lib/stack';
import { rows } from './rows';
import { brokerSection } from './sections/broker';
import { httpSection } from './sections/http';
import { jobsSection, postgresJobsSection } from './sections/jobs';
import { pipelineSection } from './sections/pipeline';
import { relaySection } from './sections/relay';
import { wrapperSection } from './sections/wrapper';

/**
 * `npm run bench`: runs each section, each beside a baseline measured in the same run, and prints
 * the rows of bench/rows.ts as one table (also saved under bench/results/). Exits 1 when a row
 * has no number: its section failed, or operations behind its figure did. Missed targets do not
 * fail it. See bench/README.md.
 */

async function main(): Promise<boolean> {
  const config = benchConfig();
  const { scale } = config;
  const wants = (section: Section) => config.only.has(section);
  const load = () => os.loadavg()[0].toFixed(1);
  const loadAtStart = load();
  log(`scale ${scale.name}; preparing ${config.database} and Redis ${config.redisUrl}`);
  const machine = describeMachine(await prepareServices(config));

  const measured: Rows = {};
  const notes: string[] = [];
  // A failed section leaves its rows without numbers; the others still run and report.
  const attempt = async (name: string, work: () => Promise<Rows>) => {
    try {
      Object.assign(measured, await work());
    } catch (error) {
      log(`${name} failed: ${(error as Error).stack ?? String(error)}`);
      notes.push(`Section ${name} failed: ${(error as Error).message}`);
    }
  };
  if (wants('wrapper')) await attempt('wrapper', () => wrapperSection(config));
  if (wants('relay')) await attempt('relay', () => relaySection(config));
  if (wants('broker')) await attempt('broker', () => brokerSection(config));
  if (wants('http') || wants('jobs') || wants('pipeline')) {
    log('starting the stack (API, worker, fake partners)');
    const stack = await startStack(config);
    try {
      if (wants('http')) await attempt('http', () => httpSection(config, stack));
      if (wants('jobs')) await attempt('jobs', () => jobsSection(config, stack));
      if (wants('pipeline')) await attempt('pipeline', () => pipelineSection(config, stack));
    } finally {
      await stack.stop();
    }
    if (measured['5a'] && measured['5b']) {
      log('starting a second stack, its jobs on the PostgreSQL queue backend');
      await attempt('jobs-postgres', async () => {
        const onPostgres = await startStack(config, 'postgres');
        return postgresJobsSection(config, onPostgres, measured).finally(onPostgres.stop);
      });
    }
  }

  const judged = rows(scale)
    .filter((row) => wants(row.section))
    .map((row) => judge(row, measured[row.id]));
  const cores = os.availableParallelism();
  notes.push(
    `Load average (1 min) ${loadAtStart} at the start, ${load()} at the end, on ${cores} cores: ` +
      `above ${cores}, other work shared the machine and the figures are noisy.`,
  );
  const noNumber = publish(config, machine, judged, notes);
  if (noNumber.length)
    log(`NO NUMBER for ${noNumber}: see the notes, this log and ${config.logDir}`);
  return noNumber.length === 0;
}

main().then(
  (allRowsHaveNumbers) => process.exit(allRowsHaveNumbers ? 0 : 1),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
