import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

/** One span as scripts/trace-collector.mjs writes it. */
export interface CollectedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly startNs: string;
  readonly endNs: string;
  readonly attributes: Record<string, string | number | boolean>;
}

const SCRIPT = join(__dirname, '../../scripts/trace-collector.mjs');

/**
 * The project's own stand-in collector (scripts/trace-collector.mjs) as a real process: the apps
 * under test export OTLP/JSON to it, and the test reads the spans file it writes.
 */
export class TraceCollector {
  private constructor(
    private readonly process: ChildProcess,
    readonly endpoint: string,
    readonly file: string,
  ) {}

  static async start(): Promise<TraceCollector> {
    const port = await freePort();
    const file = join(mkdtempSync(join(tmpdir(), 'spans-')), 'spans.jsonl');
    const child = spawn(process.execPath, [SCRIPT], {
      env: { ...process.env, TRACE_FILE: file, TRACE_COLLECTOR_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    await waitFor('the trace collector to listen', () => output.includes('trace collector:'), {
      timeoutMs: 10_000,
    });
    return new TraceCollector(child, `http://127.0.0.1:${port}`, file);
  }

  /** The environment that makes a process export its spans here, quickly. */
  exporterEnv(): NodeJS.ProcessEnv {
    return {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_ENDPOINT: this.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
  }

  spans(): CollectedSpan[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as CollectedSpan);
  }

  trace(traceId: string): CollectedSpan[] {
    return this.spans().filter((span) => span.traceId === traceId);
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null) return;
    const exited = once(this.process, 'exit');
    this.process.kill('SIGTERM');
    await exited;
  }
}
