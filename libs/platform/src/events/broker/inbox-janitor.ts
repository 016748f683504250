import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
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
export class InboxJanitor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Inbox');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly inbox: Inbox,
    private readonly unitOfWork: UnitOfWork,
    @Inject(BROKER_OPTIONS) private readonly options: BrokerOptions,
    @Inject(REGISTRY_OPTIONS) private readonly registry: RegistryOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.consume) return;
    this.timer = setInterval(() => {
      this.running ??= this.purge().finally(() => (this.running = undefined));
    }, EVERY_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async purge(): Promise<void> {
    try {
      let deleted: number;
      do {
        deleted = await this.unitOfWork.run(() =>
          this.inbox.purge(this.registry.retentionMs, BATCH),
        );
      } while (deleted === BATCH && this.timer);
    } catch (error) {
      this.logger.warn(`Inbox purge failed: ${(error as Error).message}`);
    }
  }
}
