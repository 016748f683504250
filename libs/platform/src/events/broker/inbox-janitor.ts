import { Inject, Injectable, Logger } from '@nestjs/common';
import { RepeatingRounds } from '../../lifecycle/repeating-rounds';
import { UnitOfWork } from '../../transactions/unit-of-work';
import { REGISTRY_OPTIONS } from '../registry/registry-options';
import type { RegistryOptions } from '../registry/registry-options';
import { BROKER_OPTIONS } from './broker-options';
import type { BrokerOptions } from './broker-options';
import { Inbox } from './inbox';

const EVERY_MS = 60_000;
const BATCH = 10_000;

/**
 * Forgets inbox rows once they are as old as the registry's retention
 * (PUBLICATION_RETENTION_HOURS, a week by default). A copy redelivered after that would run its
 * subscriber again: the retention must outlast any redelivery (a dead letter redriven later is a
 * new decision by an operator, and runs again on purpose only if its row is gone).
 */
@Injectable()
export class InboxJanitor extends RepeatingRounds {
  private readonly logger = new Logger('Inbox');

  constructor(
    private readonly inbox: Inbox,
    private readonly unitOfWork: UnitOfWork,
    @Inject(BROKER_OPTIONS) private readonly options: BrokerOptions,
    @Inject(REGISTRY_OPTIONS) private readonly registry: RegistryOptions,
  ) {
    super();
  }

  /** Only a process that consumes writes inbox rows. */
  protected firstRoundAfterMs(): number | null {
    return this.options.consume ? EVERY_MS : null;
  }

  protected pauseMs(): number {
    return EVERY_MS;
  }

  /** Purges in batches, until a batch comes back short or the process stops. */
  protected async round(): Promise<void> {
    try {
      let deleted: number;
      do {
        deleted = await this.unitOfWork.run(() =>
          this.inbox.purge(this.registry.retentionMs, BATCH),
        );
      } while (deleted === BATCH && !this.stopped);
    } catch (error) {
      this.logger.warn(`Inbox purge failed: ${(error as Error).message}`);
    }
  }
}
