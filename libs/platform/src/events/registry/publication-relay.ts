import { Inject, Injectable, Logger } from '@nestjs/common';
import { RepeatingRounds } from '../../lifecycle/repeating-rounds';
import { UnitOfWork } from '../../transactions/unit-of-work';
import { Subscriptions } from '../subscriptions';
import { DeliveryLanes } from './delivery-lanes';
import { PublicationDispatcher } from './publication-dispatcher';
import { ClaimedPublication, PublicationStore } from './publication-store';
import { REGISTRY_OPTIONS } from './registry-options';
import type { RegistryOptions } from './registry-options';

const PURGE_EVERY_MS = 60_000;
const PURGE_BATCH = 10_000;

/**
 * Finishes what in-process dispatch could not: publications whose retry is due, and those left
 * behind by a process that died (their lease expired). Runs at startup and then on a timer, in
 * every process. Claims use SKIP LOCKED, so relays never claim the same rows at once, and each
 * claim leases the row under a fresh token, so only its latest holder may deliver it.
 */
@Injectable()
export class PublicationRelay extends RepeatingRounds {
  private readonly logger = new Logger('EventRegistry');
  private lastPurge = 0;

  constructor(
    private readonly store: PublicationStore,
    private readonly dispatcher: PublicationDispatcher,
    private readonly lanes: DeliveryLanes,
    private readonly subscriptions: Subscriptions,
    private readonly unitOfWork: UnitOfWork,
    @Inject(REGISTRY_OPTIONS) private readonly options: RegistryOptions,
  ) {
    super();
  }

  protected firstRoundAfterMs(): number {
    return 0;
  }

  protected pauseMs(): number {
    return this.options.pollIntervalMs;
  }

  /** One round: claims and delivers due publications until none is left. Returns how many. */
  async drain(): Promise<number> {
    const subscribers = this.subscriptions.all().map((s) => s.subscriber);
    if (subscribers.length === 0) return 0;
    let delivered = 0;
    for (;;) {
      const claimed = await this.unitOfWork.run(() =>
        this.store.claimDue(
          subscribers,
          this.options.batchSize,
          this.options.leaseMs,
          this.options.retry.maxAttempts,
        ),
      );
      await this.deliver(claimed);
      delivered += claimed.length;
      if (claimed.length < this.options.batchSize || this.stopped) return delivered;
    }
  }

  private async deliver(claimed: readonly ClaimedPublication[]): Promise<void> {
    await Promise.all(
      claimed.map((publication) =>
        this.lanes.run(() => this.dispatcher.dispatchStored(publication)),
      ),
    );
  }

  /** Deletes expired completed publications in batches, until none is left. */
  private async purge(): Promise<void> {
    for (;;) {
      const deleted = await this.unitOfWork.run(() =>
        this.store.purgeCompleted(this.options.retentionMs, PURGE_BATCH),
      );
      if (deleted < PURGE_BATCH || this.stopped) return;
    }
  }

  protected async round(): Promise<void> {
    try {
      const delivered = await this.drain();
      if (delivered > 0)
        this.logger.log({ delivered }, `Relay delivered ${delivered} publications`);
      if (Date.now() - this.lastPurge >= PURGE_EVERY_MS) {
        this.lastPurge = Date.now();
        await this.purge();
      }
    } catch (error) {
      // PostgreSQL may be restarting: try again next round.
      this.logger.warn({ err: error }, `Relay round failed: ${(error as Error).message}`);
    }
  }
}
