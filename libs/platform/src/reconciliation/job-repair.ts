import type { JobCheck } from '../jobs/ensure-job';
import type { RepairOutcome } from './reconciliation-sweep';

/**
 * The end of every sweep's repair, once the item's row is locked and still says its job should
 * be in flight: what `ensureJob` found becomes the repair's outcome, and a job that had failed
 * for good (its failure never recorded: the worker died, or the database was away) is recorded
 * now by `recordFailure`, with BullMQ's reason.
 */
export async function repairJob(
  check: JobCheck,
  recordFailure: (reason: string) => Promise<unknown>,
): Promise<RepairOutcome> {
  if (check.outcome === 'live') return 'in-flight';
  if (check.outcome === 'added') return 'requeued';
  await recordFailure(check.failedReason);
  return 'recorded-failure';
}
