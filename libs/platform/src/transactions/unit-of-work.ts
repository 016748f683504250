import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { transactionSpan } from '../telemetry/event-spans';

/** Work to run once the outermost transaction has committed. */
export type AfterCommitWork = () => unknown;

interface Frame {
  readonly runner: QueryRunner;
  /** After-commit work registered at this nesting level, in registration order. */
  readonly afterCommit: AfterCommitWork[];
  /** Work to run once the connection is back in the pool, after the after-commit work. */
  readonly afterRelease: AfterCommitWork[];
  /** A nested unit of work is running in this frame: one connection runs one savepoint at a time. */
  nestedRunning: boolean;
  /** Committed or rolled back: work that still holds the frame (an unawaited promise) must fail. */
  closed: boolean;
  /** The enclosing unit, whose end ends this one too. */
  readonly parent: Frame | undefined;
  /** Whether units nested in this one open savepoints (see {@link RunOptions.savepoints}). */
  readonly savepoints: boolean;
  /**
   * The transaction is doomed: a unit nested without a savepoint failed, and what it wrote may be
   * in the transaction still. Set on the outermost frame; its commit becomes a rollback.
   */
  doomedBy?: unknown;
}

export interface RunOptions {
  /**
   * Whether units nested in this one (at any depth) open savepoints: true by default, so that a
   * failed nested unit, caught by its caller, leaves the rest of the transaction to commit. False
   * saves a nested unit its two round trips (SAVEPOINT, RELEASE) where no caller needs to survive
   * a nested failure: any nested unit that fails then fails the whole transaction, even when its
   * error is caught. Only for an outermost unit; a nested one follows its outermost.
   */
  readonly savepoints?: boolean;
}

/** A committed transaction's connection, lent to its after-commit work. */
interface Loan {
  readonly runner: QueryRunner;
  inUse: boolean;
}

/**
 * Runs work in one TypeORM transaction that every repository call inside it joins, wherever it is,
 * without an EntityManager being passed around (the transaction travels in AsyncLocalStorage).
 *
 * Work registered with {@link afterCommit} runs only after the outermost transaction commits, in
 * registration order; a rollback, or a rolled-back savepoint, drops what was registered inside it.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);
  private readonly storage = new AsyncLocalStorage<Frame>();
  private readonly loans = new AsyncLocalStorage<Loan>();

  constructor(private readonly dataSource: DataSource) {}

  /** The current transaction's manager, or the pool's when no unit of work is running. */
  get manager(): EntityManager {
    const frame = this.storage.getStore();
    return frame ? open(frame).runner.manager : this.dataSource.manager;
  }

  get isActive(): boolean {
    return this.storage.getStore() !== undefined;
  }

  /**
   * Runs `work` in a transaction. Nested calls open a savepoint in the enclosing transaction, one
   * at a time (run them in sequence, not with Promise.all). Resolves after the commit and after
   * the after-commit work has run; a failing after-commit callback is logged and does not reject.
   */
  async run<T>(work: () => Promise<T>, options: RunOptions = {}): Promise<T> {
    const parent = this.storage.getStore();
    return parent
      ? this.runNested(open(parent), work)
      : this.runOutermost(work, options.savepoints ?? true);
  }

  /**
   * Registers work to run after the outermost transaction commits. Outside a unit of work it runs
   * at once, as Django's `on_commit` does under autocommit.
   */
  async afterCommit(work: AfterCommitWork): Promise<void> {
    const frame = this.storage.getStore();
    if (frame) open(frame).afterCommit.push(work);
    else await this.runSafely(work);
  }

  /**
   * Runs `work` outside any unit of work and any after-commit loan: for work that outlives the
   * unit that starts it, and must open transactions of its own on connections of its own.
   */
  detached<T>(work: () => T): T {
    return this.storage.exit(() => this.loans.exit(work));
  }

  /**
   * Registers work to run after the outermost transaction commits and its connection has gone back
   * to the pool: for work that may wait (a publisher held back while delivery lanes are full)
   * without keeping a connection from the deliveries it waits for. Outside a unit of work it runs
   * at once.
   */
  async afterRelease(work: AfterCommitWork): Promise<void> {
    const frame = this.storage.getStore();
    if (frame) open(frame).afterRelease.push(work);
    else await this.runSafely(work);
  }

  private async runOutermost<T>(work: () => Promise<T>, savepoints: boolean): Promise<T> {
    const loan = this.loans.getStore();
    const borrowed = loan && !loan.inUse ? loan : undefined;
    if (borrowed) borrowed.inUse = true;
    const runner = borrowed?.runner ?? this.dataSource.createQueryRunner();
    const giveBack = async () => {
      if (borrowed) borrowed.inUse = false;
      else await runner.release();
    };
    const frame = newFrame(runner, undefined, savepoints);
    let result: T;
    try {
      if (!borrowed) await runner.connect();
      result = await transactionSpan(async () => {
        await runner.startTransaction();
        const value = await this.storage.run(frame, work);
        if ('doomedBy' in frame) throw frame.doomedBy;
        await runner.commitTransaction();
        return value;
      });
    } catch (error) {
      frame.closed = true;
      // Unwinds any savepoint still open (a nested run cut short) down to a full ROLLBACK, so the
      // connection goes back to the pool with no transaction on it.
      try {
        while (runner.isTransactionActive) await runner.rollbackTransaction();
      } catch {
        await runner.query('rollback').catch(() => undefined);
      }
      await giveBack();
      throw error;
    }
    frame.closed = true;
    try {
      // The after-commit work (event delivery opens transactions of its own) reuses this
      // connection, one transaction after another, instead of queueing in the pool again for each
      // step of a chain while holding this one: no request ever needs two connections at once.
      const lent: Loan = { runner, inUse: false };
      await this.storage.exit(() => this.loans.run(lent, () => this.flush(frame.afterCommit)));
    } finally {
      await giveBack();
    }
    await this.storage.exit(() => this.flush(frame.afterRelease));
    return result;
  }

  private async runNested<T>(parent: Frame, work: () => Promise<T>): Promise<T> {
    if (parent.nestedRunning) {
      throw new Error('Nested units of work in one transaction must run one after another');
    }
    parent.nestedRunning = true;
    const frame = newFrame(parent.runner, parent, parent.savepoints);
    if (!parent.savepoints) return this.runJoined(parent, frame, work);
    try {
      await parent.runner.startTransaction(); // TypeORM opens a SAVEPOINT when one is active.
      const result = await this.storage.run(frame, work);
      await parent.runner.commitTransaction(); // RELEASE SAVEPOINT
      parent.afterCommit.push(...frame.afterCommit);
      parent.afterRelease.push(...frame.afterRelease);
      return result;
    } catch (error) {
      // ROLLBACK TO SAVEPOINT: its work is dropped. If even that fails, the outer transaction is
      // broken and will roll back; the error worth reporting is still the first one.
      if (parent.runner.isTransactionActive) {
        await parent.runner.rollbackTransaction().catch(() => undefined);
      }
      throw error;
    } finally {
      frame.closed = true;
      parent.nestedRunning = false;
    }
  }

  /** A nested unit without a savepoint: its failure cannot be undone alone, so it dooms them all. */
  private async runJoined<T>(parent: Frame, frame: Frame, work: () => Promise<T>): Promise<T> {
    try {
      const result = await this.storage.run(frame, work);
      parent.afterCommit.push(...frame.afterCommit);
      parent.afterRelease.push(...frame.afterRelease);
      return result;
    } catch (error) {
      const outermost = outermostOf(parent);
      if (!('doomedBy' in outermost)) outermost.doomedBy = error;
      throw error;
    } finally {
      frame.closed = true;
      parent.nestedRunning = false;
    }
  }

  private async flush(queue: AfterCommitWork[]): Promise<void> {
    for (const work of queue) await this.runSafely(work);
  }

  private async runSafely(work: AfterCommitWork): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error(
        `After-commit work failed; the transaction stays committed: ${describe(error)}`,
        error instanceof Error ? error.stack : undefined,
      );
    }
  }
}

function newFrame(runner: QueryRunner, parent: Frame | undefined, savepoints: boolean): Frame {
  return {
    runner,
    afterCommit: [],
    afterRelease: [],
    nestedRunning: false,
    closed: false,
    parent,
    savepoints,
  };
}

function outermostOf(frame: Frame): Frame {
  let unit = frame;
  while (unit.parent) unit = unit.parent;
  return unit;
}

function open(frame: Frame): Frame {
  for (let unit: Frame | undefined = frame; unit; unit = unit.parent) {
    if (unit.closed) {
      throw new Error('This unit of work has ended: its work was not awaited inside run()');
    }
  }
  return frame;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
