import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { meets, Row } from '../rows';
import type { Config } from './config';

export type Figure = { readonly value: number; readonly unit: string };

export const fig = (value: number, unit: string): Figure => ({ value, unit });

/** What a section measured for one row. */
export interface Measured {
  readonly result: Figure;
  readonly baseline: Figure;
  /** Failed operations behind the figure: any, and the row has no valid number. */
  readonly errors?: number;
  /** A few words the ratio alone does not say (p50, achieved rate, heap). */
  readonly note?: string;
}

/** What a section measured, by row id. */
export type Rows = Record<string, Measured>;

/** A row's declaration and figures; a missing, failed, zero or non-finite one is NO NUMBER. */
export function judge(row: Row, measured: Measured | undefined) {
  const [result, baseline] = [measured?.result.value, measured?.baseline.value].map(Number);
  const ratio = result / baseline;
  const valid = !measured?.errors && [result, baseline, ratio].every((n) => n > 0 && n < Infinity);
  const met = valid ? meets(row.target, ratio, result) : undefined;
  const verdict = !valid ? 'NO NUMBER' : met === undefined ? 'no target' : met ? 'met' : 'missed';
  return { ...row, measured, ratio, verdict };
}
export type Judged = ReturnType<typeof judge>;

function figure(f: Figure | undefined): string {
  if (!f || !Number.isFinite(f.value)) return '—';
  const digits = f.value >= 100 ? 0 : f.value >= 10 ? 1 : 2;
  const options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return `${f.value.toLocaleString('en-US', options)} ${f.unit}`;
}

/** The one table, as Markdown (which reads as well on a terminal). */
function renderTable(rows: readonly Judged[]): string {
  const header = ['#', 'What', 'Result', 'Baseline (same run)', 'Ratio', 'Target', 'Verdict'];
  const lines = rows.map((row) => [
    row.id,
    row.what,
    figure(row.measured?.result),
    `${row.baseline}: ${figure(row.measured?.baseline)}`,
    Number.isFinite(row.ratio) ? `${row.ratio.toFixed(2)}×` : 'n/a',
    row.target,
    row.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [format(header), rule, ...lines.map(format)].join('\n');
}

export function describeMachine(servers: string): string {
  const cpu = os.cpus()[0]?.model?.trim() || 'unknown CPU';
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  return (
    `${cpu}, ${os.availableParallelism()} cores, ${memory} GiB; ${os.type()} ${os.release()} ` +
    `${os.arch()}; Node ${process.version}; ${servers}; ${new Date().toISOString()}`
  );
}

/**
 * Prints the table and its notes (the rows' own, then the run's), writes them to
 * `<resultsDir>/<scale>.md` with the figures in `<scale>.json`, the same as `latest.*`, and
 * returns the ids of the rows with no number.
 */
export function publish(config: Config, machine: string, rows: Judged[], runNotes: string[]) {
  const notes = rows.map(({ id, measured }) => {
    if (!measured) return `${id}: no figures (its section did not report it)`;
    const errors = measured.errors ? `${measured.errors} operations failed. ` : '';
    return errors || measured.note ? `${id}: ${errors}${measured.note ?? ''}` : '';
  });
  const only = process.env.BENCH_ONLY ? `, BENCH_ONLY=${process.env.BENCH_ONLY}` : '';
  const took = `Took ${(performance.now() / 1000).toFixed(0)} s`;
  const text =
    `Machine: ${machine}.\n\nBENCH_SCALE=${config.scale.name}${only}. ${took}.\n\n` +
    `${renderTable(rows)}\n\nRatio = result / baseline. See bench/README.md for each row.\n\n` +
    [...notes, ...runNotes]
      .filter(Boolean)
      .map((note) => `- ${note}\n`)
      .join('');
  process.stdout.write(`\n${text}`);
  mkdirSync(config.resultsDir, { recursive: true });
  const figures = {
    machine,
    scale: config.scale.name,
    only: process.env.BENCH_ONLY,
    rows,
    runNotes,
  };
  for (const name of [config.scale.name, 'latest']) {
    writeFileSync(join(config.resultsDir, `${name}.md`), `# Benchmark results\n\n${text}`);
    writeFileSync(join(config.resultsDir, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  }
  return rows.filter((row) => row.verdict === 'NO NUMBER').map((row) => row.id);
}
