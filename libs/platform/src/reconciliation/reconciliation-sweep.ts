/**
 * What a repair did to one item: it was in flight after all, it has been put back in line, its
 * job had failed for good and that is now recorded, or another process holds it right now.
 */
export type RepairOutcome = 'in-flight' | 'requeued' | 'recorded-failure' | 'skipped';

/**
 * One kind of work that should be in flight while its row says so (a prescription
 * `pending_transmission`, an order `ready_for_fulfillment`). A module registers one with the
 * `Reconciler` in its `onModuleInit()`, beside its subscriptions.
 */
export interface ReconciliationSweep {
  /** A stable name for logs and health: `ehr.erx-submissions`. */
  readonly name: string;
  /** Ids of items in that state for at least `olderThanMs`, oldest first, at most `limit`. */
  overdue(olderThanMs: number, limit: number): Promise<string[]>;
  /**
   * Makes sure one item is in flight. Runs inside a unit of work: lock the item's row with
   * SKIP LOCKED (answer `skipped` when another process has it), read its state again, then
   * look for its job by its deterministic id and re-enqueue it when it is missing.
   */
  repair(id: string): Promise<RepairOutcome>;
}

export interface ReconcilerOptions {
  /** How often each process sweeps, in ms; 0 turns the sweeps off. */
  readonly intervalMs: number;
  /** How long an item may sit in its state before it is checked, in ms. */
  readonly overdueAfterMs: number;
  /** Items checked per sweep and kind. */
  readonly batchSize: number;
}

export const RECONCILER_OPTIONS = Symbol('RECONCILER_OPTIONS');

export const DEFAULT_RECONCILER_OPTIONS: ReconcilerOptions = {
  intervalMs: 60_000,
  overdueAfterMs: 5 * 60_000,
  batchSize: 200,
};
