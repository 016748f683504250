import { Inject, Injectable, Logger } from '@nestjs/common';
import { RepeatingRounds } from '../lifecycle/repeating-rounds';
import { UnitOfWork } from '../transactions/unit-of-work';
import { RECONCILER_OPTIONS } from './reconciliation-sweep';
import type { ReconcilerOptions, ReconciliationSweep, RepairOutcome } from './reconciliation-sweep';
import { PlatformMetrics } from '../metrics/platform-metrics';

/** One item a sweep checked, and what it did. */
export interface Repair {
  readonly id: string;
  readonly outcome: RepairOutcome;
}

/** What the sweeps have done in this process since it started: for logs and health details. */
export interface ReconcilerReport {
  readonly lastSweepAt: string | null;
  /** Repairs by sweep name and outcome, since start; `in-flight` and `skipped` are not repairs. */
  readonly repaired: Record<string, { requeued: number; recordedFailure: number }>;
  readonly lastError: string | null;
}

/**
 * Finds work that should be in flight but is not, and puts it back: a job whose acknowledged add
 * Redis lost, a worker that died in its failed-job listener, an enqueue that never happened.
 * Runs in every process on a timer; each item is repaired under its own row lock taken with
 * SKIP LOCKED, so sweeps in several processes never repair one item twice at once, and the
 * deterministic job ids make a repeated repair a no-op.
 */
@Injectable()
export class Reconciler extends RepeatingRounds {
  private readonly logger = new Logger('Reconciler');
  private readonly sweeps: ReconciliationSweep[] = [];
  private readonly repaired: ReconcilerReport['repaired'] = {};
  private lastSweepAt: Date | null = null;
  private lastError: string | null = null;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(RECONCILER_OPTIONS) private readonly options: ReconcilerOptions,
    private readonly metrics: PlatformMetrics,
  ) {
    super();
  }

  register(sweep: ReconciliationSweep): void {
    if (this.sweeps.some((known) => known.name === sweep.name)) {
      throw new Error(`A reconciliation sweep named ${sweep.name} is already registered`);
    }
    this.sweeps.push(sweep);
    this.repaired[sweep.name] = { requeued: 0, recordedFailure: 0 };
  }

  /** An interval of 0 turns the timer off: sweeps then run only when called. */
  protected firstRoundAfterMs(): number | null {
    return this.options.intervalMs > 0 ? this.options.intervalMs : null;
  }

  protected pauseMs(): number {
    return this.options.intervalMs;
  }

  report(): ReconcilerReport {
    return {
      lastSweepAt: this.lastSweepAt?.toISOString() ?? null,
      repaired: structuredClone(this.repaired),
      lastError: this.lastError,
    };
  }

  /** Runs every sweep once; returns each item checked with its outcome, by sweep name. */
  async sweepOnce(overdueAfterMs = this.options.overdueAfterMs): Promise<Record<string, Repair[]>> {
    const outcomes: Record<string, Repair[]> = {};
    for (const sweep of this.sweeps) {
      if (this.stopped) break;
      outcomes[sweep.name] = await this.runSweep(sweep, overdueAfterMs);
    }
    this.lastSweepAt = new Date();
    return outcomes;
  }

  private async runSweep(sweep: ReconciliationSweep, overdueAfterMs: number): Promise<Repair[]> {
    const ids = await sweep.overdue(overdueAfterMs, this.options.batchSize);
    const outcomes: Repair[] = [];
    for (const id of ids) {
      if (this.stopped) break;
      const outcome = await this.unitOfWork.run(() => sweep.repair(id));
      outcomes.push({ id, outcome });
      if (outcome === 'requeued' || outcome === 'recorded-failure') {
        const counts = this.repaired[sweep.name];
        if (outcome === 'requeued') counts.requeued++;
        else counts.recordedFailure++;
        this.metrics.reconcilerRepairs.inc({ sweep: sweep.name, outcome });
        this.logger.warn(
          { sweep: sweep.name, id, outcome },
          `Reconciler repaired ${sweep.name} ${id}: ${outcome}`,
        );
      }
    }
    return outcomes;
  }

  protected async round(): Promise<void> {
    try {
      await this.sweepOnce();
      this.lastError = null;
    } catch (error) {
      // PostgreSQL or Redis may be away: the next sweep tries again.
      this.lastError = (error as Error).message;
      this.logger.warn({ err: error }, `Reconciliation sweep failed: ${this.lastError}`);
    }
  }
}
