import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import type { Section } from './config';

/** What a row promises, on the ratio result / baseline or on the result itself. */
export type Target =
  | { readonly kind: 'ratio-at-least'; readonly min: number }
  | { readonly kind: 'ratio-at-most'; readonly max: number }
  | { readonly kind: 'below'; readonly max: number };

export interface Figure {
  readonly value: number;
  readonly unit: string;
}

/** One row of the table as `bench/rows.ts` declares it, before anything is measured. */
export interface RowSpec {
  readonly id: string;
  readonly section: Section;
  readonly what: string;
  readonly baseline: string;
  readonly target?: Target;
}

/** What a section measured for one row. */
export interface Measured {
  readonly result: Figure;
  readonly baseline: Figure;
  /** Failed operations behind the figure: any, and the row has no valid number. */
  readonly errors?: number;
  /** A few words the ratio alone does not say (p50, achieved rate, heap). */
  readonly note?: string;
}

export type Verdict = 'met' | 'missed' | 'no target' | 'NO NUMBER';

export interface ReportedRow extends RowSpec {
  readonly measured?: Measured;
  readonly ratio: number;
  readonly verdict: Verdict;
}

/** Joins a row's declaration with its figures; a missing, non-finite or failed one is NO NUMBER. */
export function report(spec: RowSpec, measured: Measured | undefined): ReportedRow {
  const ratio = measured ? measured.result.value / measured.baseline.value : Number.NaN;
  const valid =
    measured !== undefined &&
    !measured.errors &&
    [measured.result.value, measured.baseline.value, ratio].every(
      (n) => Number.isFinite(n) && n > 0,
    );
  const target = spec.target;
  let verdict: Verdict = 'no target';
  if (!valid) verdict = 'NO NUMBER';
  else if (target) {
    const met =
      target.kind === 'ratio-at-least'
        ? ratio >= target.min
        : target.kind === 'ratio-at-most'
          ? ratio <= target.max
          : measured.result.value < target.max;
    verdict = met ? 'met' : 'missed';
  }
  return { ...spec, measured, ratio, verdict };
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

const figure = (f: Figure) => `${formatNumber(f.value)} ${f.unit}`;

function targetText(row: ReportedRow): string {
  const t = row.target;
  if (!t) return '—';
  if (t.kind === 'ratio-at-least') return `≥ ${t.min}×`;
  if (t.kind === 'ratio-at-most') return `≤ ${t.max}×`;
  return `< ${t.max} ${row.measured?.result.unit ?? ''}`.trim();
}

/** The one table, as Markdown (which reads as well on a terminal). */
export function renderTable(rows: readonly ReportedRow[]): string {
  const header = ['#', 'What', 'Result', 'Baseline (same run)', 'Ratio', 'Target', 'Verdict'];
  const lines = rows.map((row) => [
    row.id,
    row.what,
    row.measured ? figure(row.measured.result) : '—',
    `${row.baseline}: ${row.measured ? figure(row.measured.baseline) : '—'}`,
    Number.isFinite(row.ratio) ? `${row.ratio.toFixed(2)}×` : 'n/a',
    targetText(row),
    row.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [
    format(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...lines.map(format),
  ].join('\n');
}

/** The rows' own notes, then the run's. */
export function renderNotes(rows: readonly ReportedRow[], notes: readonly string[]): string[] {
  return [
    ...rows.flatMap((row) => {
      const { measured } = row;
      if (!measured) return [`${row.id}: no figures (its section did not report it)`];
      const errors = measured.errors ? `${measured.errors} operations failed. ` : '';
      return errors || measured.note ? [`${row.id}: ${errors}${measured.note ?? ''}`.trim()] : [];
    }),
    ...notes,
  ];
}

export function describeMachine(postgres: string, redis: string): string {
  let model: string | undefined = os.cpus()[0]?.model?.trim();
  if (!model || model === 'unknown') {
    try {
      model = /Model name:\s*(.+)/.exec(execFileSync('lscpu', { encoding: 'utf8' }))?.[1].trim();
    } catch {
      model = undefined;
    }
  }
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  return (
    `${model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${memory} GiB; ` +
    `${os.type()} ${os.release()} ${os.arch()}; Node ${process.version}; PostgreSQL ${postgres}; ` +
    `Redis ${redis}; ${new Date().toISOString()}`
  );
}

export interface Results {
  readonly scale: string;
  readonly settings: string;
  readonly machine: string;
  readonly rows: readonly ReportedRow[];
  readonly notes: readonly string[];
  /** Raw measurements behind the rows, for whoever wants to dig. */
  readonly details: Record<string, unknown>;
  readonly durationSeconds: number;
}

/** Writes `<scale>.md` and `<scale>.json`, and the same as `latest.*`; returns the paths. */
export function save(dir: string, results: Results): string[] {
  mkdirSync(dir, { recursive: true });
  const md = [
    `# Benchmark results (BENCH_SCALE=${results.scale})`,
    '',
    `Machine: ${results.machine}.`,
    '',
    `Settings: ${results.settings}. Took ${results.durationSeconds.toFixed(0)} s.`,
    '',
    renderTable(results.rows),
    '',
    'Ratio = result / baseline. See bench/README.md for what each row measures.',
    '',
    ...['Notes:', '', ...renderNotes(results.rows, results.notes).map((n) => `- ${n}`), ''],
  ].join('\n');
  const written: string[] = [];
  for (const name of [results.scale, 'latest']) {
    writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(dir, `${name}.md`), md);
    written.push(join(dir, `${name}.md`), join(dir, `${name}.json`));
  }
  return written;
}
