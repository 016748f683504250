import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../../transactions/unit-of-work';
import { Lanes } from '../lanes';
import { REGISTRY_OPTIONS } from './registry-options';
import type { RegistryOptions } from './registry-options';

/** Deliveries waiting for a lane beyond this are left to the relay (their lease runs out). */
const MAX_WAITING = 10_000;

/**
 * Where this process delivers publications: right after a commit, and when the relay claims them.
 * At most `concurrency` deliveries run at once, each on a connection of its own, so a burst of
 * commits can never take the pool from the requests behind it. A request does not wait for its
 * deliveries: it answers once its own transaction has committed (ADR 0010). Nothing is lost when
 * the process dies with deliveries still waiting here: each is a leased row in the registry,
 * which the relay delivers once the lease runs out.
 */
@Injectable()
export class DeliveryLanes implements BeforeApplicationShutdown {
  private readonly logger = new Logger('EventRegistry');
  private readonly lanes: Lanes;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(REGISTRY_OPTIONS) options: RegistryOptions,
  ) {
    this.lanes = new Lanes(options.concurrency);
  }

  /** Starts a delivery as soon as a lane is free, without waiting for it. */
  start(delivery: () => Promise<void>): void {
    if (this.pending.size >= MAX_WAITING) {
      this.logger.warn(
        'Delivery lanes are full: the relay delivers the rest when their lease ends',
      );
      return;
    }
    // Outside the committed unit of work whose after-commit work starts it: it outlives that unit.
    const running: Promise<void> = this.unitOfWork
      .detached(() => this.lanes.run(delivery))
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'A delivery failed outside its own error handling');
      })
      .finally(() => this.pending.delete(running));
    this.pending.add(running);
  }

  /** Runs a delivery in a lane and waits for it (the relay's pace follows its deliveries). */
  run(delivery: () => Promise<void>): Promise<void> {
    return this.lanes.run(delivery);
  }

  /**
   * Lets started deliveries finish, and those they lead to, before the database closes; the
   * shutdown deadline bounds the wait, and whatever it cuts short stays owed in the registry.
   */
  beforeApplicationShutdown(): Promise<void> {
    return this.drain();
  }

  /** Resolves once no delivery is running or waiting, those started meanwhile included. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }
}
