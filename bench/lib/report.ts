import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';

/** What a row promises: a ratio to its baseline at least `min`, or a value below `max`. */
export type Target =
  | { readonly kind: 'ratio-at-least'; readonly min: number }
  | { readonly kind: 'value-below'; readonly max: number };

export interface Figure {
  readonly value: number;
  readonly unit: string;
  /** Extra words shown after the value: errors, sample counts. */
  readonly note?: string;
}

/** One line of the table: a figure, its baseline measured in the same run, and their ratio. */
export interface Row {
  readonly id: string;
  readonly section: string;
  readonly measure: string;
  readonly result: Figure;
  readonly baselineName: string;
  readonly baseline: Figure;
  readonly target?: Target;
  /** Failed operations behind the figure: any makes the run fail (the figure is not valid). */
  readonly errors?: number;
}

export interface ReportedRow extends Row {
  /** result / baseline: above 1 means more (throughput) or slower (latency, memory). */
  readonly ratio: number;
  readonly targetText: string;
  /** true met, false missed, null: no target (information). */
  readonly met: boolean | null;
}

export function report(row: Row): ReportedRow {
  const ratio = row.result.value / row.baseline.value;
  let targetText = '';
  let met: boolean | null = null;
  if (row.target?.kind === 'ratio-at-least') {
    targetText = `ratio ≥ ${row.target.min}`;
    met = Number.isFinite(ratio) && ratio >= row.target.min;
  } else if (row.target?.kind === 'value-below') {
    targetText = `< ${row.target.max} ${row.result.unit}`;
    met = Number.isFinite(row.result.value) && row.result.value < row.target.max;
  }
  return { ...row, ratio, targetText, met };
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

function figure(f: Figure): string {
  return `${formatNumber(f.value)} ${f.unit}${f.note ? ` (${f.note})` : ''}`;
}

function status(row: ReportedRow): string {
  if (row.met === null) return 'info';
  return row.met ? `${row.targetText}: met` : `${row.targetText}: MISSED`;
}

/** The one table, as Markdown (which reads as well on a terminal). */
export function renderTable(rows: readonly ReportedRow[]): string {
  const header = [
    '#',
    'Measure',
    'Result',
    'Baseline (same run)',
    'Baseline result',
    'Ratio',
    'Target',
  ];
  const lines = rows.map((row) => [
    row.id,
    row.measure,
    figure(row.result),
    row.baselineName,
    figure(row.baseline),
    Number.isFinite(row.ratio) ? `${row.ratio.toFixed(2)}×` : 'n/a',
    status(row),
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

export interface Machine {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly postgres: string;
  readonly redis: string;
  readonly date: string;
}

export function machine(postgres: string, redis: string): Machine {
  return {
    cpuModel: cpuModel(),
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres,
    redis,
    date: new Date().toISOString(),
  };
}

function cpuModel(): string {
  const model = os.cpus()[0]?.model?.trim();
  if (model && model !== 'unknown') return model;
  try {
    const lscpu = execFileSync('lscpu', { encoding: 'utf8' });
    return /Model name:\s*(.+)/.exec(lscpu)?.[1].trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function describeMachine(m: Machine): string {
  return (
    `${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}; Node ${m.node}; ` +
    `PostgreSQL ${m.postgres}; Redis ${m.redis}; ${m.date}`
  );
}

export interface Results {
  readonly scale: string;
  readonly settings: Record<string, unknown>;
  readonly machine: Machine;
  readonly rows: readonly ReportedRow[];
  /** Raw measurements behind the rows, for whoever wants to dig. */
  readonly details: Record<string, unknown>;
  readonly notes: readonly string[];
  readonly durationSeconds: number;
}

export function save(dir: string, results: Results): string[] {
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const md = markdown(results);
  const written: string[] = [];
  for (const name of [results.scale, 'latest']) {
    writeFileSync(join(dir, `${name}.json`), json);
    writeFileSync(join(dir, `${name}.md`), md);
    written.push(join(dir, `${name}.json`), join(dir, `${name}.md`));
  }
  return written;
}

function markdown(results: Results): string {
  const settings = Object.entries(results.settings)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
  return [
    `# Benchmark results (BENCH_SCALE=${results.scale})`,
    '',
    `Machine: ${describeMachine(results.machine)}.`,
    '',
    `Settings: ${settings}. Took ${results.durationSeconds.toFixed(0)} s.`,
    '',
    renderTable(results.rows),
    '',
    'Ratio = result / baseline. For throughput above 1 is better; for latency and memory below 1',
    'is better. See bench/README.md for what each line measures.',
    '',
    ...(results.notes.length ? ['Notes:', '', ...results.notes.map((n) => `- ${n}`), ''] : []),
  ].join('\n');
}
