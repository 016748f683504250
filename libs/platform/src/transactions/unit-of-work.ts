import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** Work to run once the outermost transaction has committed. */
export type AfterCommitWork = () => unknown;

interface Frame {
  readonly runner: QueryRunner;
  /** After-commit work registered at this nesting level, in registration order. */
  readonly afterCommit: AfterCommitWork[];
  readonly parent: Frame | undefined;
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

  constructor(private readonly dataSource: DataSource) {}

  /** The current transaction's manager, or the pool's when no unit of work is running. */
  get manager(): EntityManager {
    return this.storage.getStore()?.runner.manager ?? this.dataSource.manager;
  }

  get isActive(): boolean {
    return this.storage.getStore() !== undefined;
  }

  /**
   * Runs `work` in a transaction. Nested calls open a savepoint in the enclosing transaction.
   * Resolves after the commit and after the after-commit work has run; a failing after-commit
   * callback is logged and does not reject.
   */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const parent = this.storage.getStore();
    return parent ? this.runNested(parent, work) : this.runOutermost(work);
  }

  /**
   * Registers work to run after the outermost transaction commits. Outside a unit of work it runs
   * at once, as Django's `on_commit` does under autocommit.
   */
  async afterCommit(work: AfterCommitWork): Promise<void> {
    const frame = this.storage.getStore();
    if (frame) frame.afterCommit.push(work);
    else await this.runSafely(work);
  }

  private async runOutermost<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const frame: Frame = { runner, afterCommit: [], parent: undefined };
    let result: T;
    try {
      await runner.connect();
      await runner.startTransaction();
      result = await this.storage.run(frame, work);
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      // Released before the callbacks run: they open transactions of their own, and holding this
      // connection meanwhile would let a burst of requests exhaust the pool.
      await runner.release();
    }
    await this.storage.exit(() => this.flush(frame.afterCommit));
    return result;
  }

  private async runNested<T>(parent: Frame, work: () => Promise<T>): Promise<T> {
    const frame: Frame = { runner: parent.runner, afterCommit: [], parent };
    await parent.runner.startTransaction(); // TypeORM opens a SAVEPOINT when one is active.
    try {
      const result = await this.storage.run(frame, work);
      await parent.runner.commitTransaction(); // RELEASE SAVEPOINT
      parent.afterCommit.push(...frame.afterCommit);
      return result;
    } catch (error) {
      // ROLLBACK TO SAVEPOINT: its work is dropped. If even that fails, the outer transaction is
      // broken and will roll back; the error worth reporting is still the first one.
      await parent.runner.rollbackTransaction().catch(() => undefined);
      throw error;
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
