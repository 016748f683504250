import { AsyncLocalStorage } from 'node:async_hooks';
import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../../transactions/unit-of-work';
import { Lanes } from '../lanes';
import { REGISTRY_OPTIONS } from './registry-options';
import type { RegistryOptions } from './registry-options';

/** Deliveries that may wait for a lane, per lane, before publishers are made to wait. */
const WAITING_PER_LANE = 8;
/** How long a publisher waits for room; then its delivery joins the queue all the same. */
const ROOM_DEADLINE_MS = 1_000;
/** Beyond this many, deliveries are left to the relay (their lease runs out): a memory bound. */
const MAX_PENDING = 10_000;

/**
 * Where this process delivers publications: right after a commit, and when the relay claims them.
 * At most `concurrency` deliveries run at once, each on a connection of its own, so a burst of
 * commits can never take the pool from the requests behind it. A request does not wait for its
 * deliveries: it answers once its own transaction has committed (ADR 0016).
 *
 * A few deliveries per lane may wait their turn; beyond that a publisher waits for room, up to a
 * second, then queues its delivery all the same. That is backpressure with a deadline: an
 * overloaded process slows its publishers down instead of piling up deliveries whose wait grows
 * without bound, and no publisher waits longer than the deadline. Nothing is lost if the process
 * dies: each delivery is a leased row in the registry, which the relay delivers once the lease
 * runs out.
 */
@Injectable()
export class DeliveryLanes implements BeforeApplicationShutdown {
  private readonly logger = new Logger('EventRegistry');
  private readonly lanes: Lanes;
  private readonly room: number;
  private readonly pending = new Set<Promise<void>>();
  private readonly waitingForRoom: (() => void)[] = [];
  /** Set at shutdown: publishers stop waiting for room, so the drain sees their deliveries. */
  private stopping = false;
  /** Set while a delivery runs: what it starts must never wait for the lane it holds. */
  private readonly insideDelivery = new AsyncLocalStorage<true>();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(REGISTRY_OPTIONS) options: RegistryOptions,
  ) {
    this.lanes = new Lanes(options.concurrency);
    this.room = options.concurrency * (1 + WAITING_PER_LANE);
  }

  /**
   * Starts a publisher's deliveries as soon as lanes are free; resolves once each is started or
   * queued. The deadline for room is the publisher's, shared by all its deliveries.
   */
  async start(...deliveries: (() => Promise<void>)[]): Promise<void> {
    const deadline = Date.now() + ROOM_DEADLINE_MS;
    for (const delivery of deliveries) {
      if (this.pending.size >= this.room && !this.insideDelivery.getStore() && !this.stopping) {
        await this.roomWithin(deadline - Date.now());
      }
      this.startOne(delivery);
    }
  }

  private startOne(delivery: () => Promise<void>): void {
    if (this.pending.size >= MAX_PENDING) {
      this.logger.warn('Delivery lanes are full: the relay delivers this one when its lease ends');
      return;
    }
    // Outside the committed unit of work whose after-commit work starts it: it outlives that unit.
    const running: Promise<void> = this.unitOfWork
      .detached(() => this.run(delivery))
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'A delivery failed outside its own error handling');
      })
      .finally(() => {
        this.pending.delete(running);
        this.waitingForRoom.shift()?.();
      });
    this.pending.add(running);
  }

  /** Runs a delivery in a lane and waits for it (the relay's pace follows its deliveries). */
  run(delivery: () => Promise<void>): Promise<void> {
    return this.lanes.run(() => this.insideDelivery.run(true, delivery));
  }

  /**
   * Lets started deliveries finish, and those they lead to, before the database closes; the
   * shutdown deadline bounds the wait, and whatever it cuts short stays owed in the registry.
   */
  beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const admit of this.waitingForRoom.splice(0)) admit();
    return this.drain();
  }

  /** Resolves once no delivery is running or waiting, those started meanwhile included. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  private roomWithin(deadlineMs: number): Promise<void> {
    if (deadlineMs <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const admit = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waitingForRoom.splice(this.waitingForRoom.indexOf(admit), 1);
        resolve();
      }, deadlineMs);
      this.waitingForRoom.push(admit);
    });
  }
}
