import type { INestApplicationContext } from '@nestjs/common';
import { DomainEvent, EventClass } from '../events/domain-event';
import { EventExpectation } from './event-expectation';
import { EventLog, eventLogOf } from './event-log';
import { StateExpectation } from './state-expectation';

/** How long a scenario waits for an event or a state, unless told otherwise. */
export const DEFAULT_SCENARIO_TIMEOUT_MS = 15_000;

/**
 * Event-driven tests that read like the scenario, after Spring Modulith's `Scenario`:
 *
 * ```ts
 * await scenario
 *   .stimulate(() => placeOrder(stack, [OTC]))
 *   .andWaitForEventOfType(OrderFulfilledEvent)
 *   .matching((event, order) => event.payload.orderUuid === order.uuid)
 *   .toArriveAndVerify((event) => expect(event.payload.trackingNumber).toMatch(/^TRK-/));
 * ```
 *
 * It watches the apps' real buses (pass every process-like app that publishes: the API and the
 * worker), subscribing to an event type the first time a test waits for it. Only events that
 * arrive after the stimulus starts count. A subscription made after a stimulus is too late for
 * it, so a scenario must name the types it waits for before it stimulates: `observe()` does,
 * and `andWaitForEventOfType` does for its own type.
 */
export class Scenario {
  private readonly log: EventLog;

  private constructor(
    private readonly apps: readonly INestApplicationContext[],
    private readonly timeoutMs: number,
  ) {
    this.log = eventLogOf(apps);
  }

  static of(
    apps: readonly (INestApplicationContext | undefined)[],
    { timeoutMs = DEFAULT_SCENARIO_TIMEOUT_MS } = {},
  ): Scenario {
    const present = apps.filter((app): app is INestApplicationContext => app !== undefined);
    if (present.length === 0) throw new Error('A scenario needs at least one app');
    return new Scenario(present, timeoutMs);
  }

  /** Subscribes to these event types now, before any stimulus that would publish them. */
  observe(...eventClasses: Pick<EventClass, 'type' | 'version'>[]): this {
    for (const eventClass of eventClasses) {
      this.log.observe(this.apps, eventClass as unknown as EventClass);
    }
    return this;
  }

  /** Runs the stimulus (an HTTP call, a command, a publish); what it returns reaches every check. */
  stimulate<R>(stimulus: () => Promise<R> | R): Stimulated<R> {
    return new Stimulated(this.log, this.apps, stimulus, this.timeoutMs);
  }
}

/**
 * A stimulus and what the test expects of it. The stimulus runs once, when the first expectation
 * is built; every expectation built from it counts the events that arrived since `stimulate()`,
 * so one stimulus can be checked for several events (observe their types before stimulating).
 */
export class Stimulated<R> {
  private readonly mark: number;
  private running: Promise<R> | undefined;

  constructor(
    private readonly log: EventLog,
    private readonly apps: readonly INestApplicationContext[],
    private readonly stimulus: () => Promise<R> | R,
    private readonly timeoutMs: number,
  ) {
    this.mark = log.size;
  }

  /** Waits this long (ms) for each expectation built from here on, instead of the default. */
  within(timeoutMs: number): Stimulated<R> {
    return new Stimulated(this.log, this.apps, this.stimulus, timeoutMs);
  }

  /** What the stimulus returned, once it has run (running it if no expectation has yet). */
  result(): Promise<R> {
    return this.run();
  }

  andWaitForEventOfType<E extends DomainEvent>(eventClass: EventClass<E>): EventExpectation<E, R> {
    const fresh = this.log.observe(this.apps, eventClass as unknown as EventClass);
    if (fresh && this.running) {
      // Its publications were recorded before anyone listened: waiting would prove nothing.
      throw new Error(
        `${eventClass.type} was not observed when the stimulus ran: name it in ` +
          `scenario.observe(...) before stimulating`,
      );
    }
    return new EventExpectation(this.log, eventClass, this.mark, this.run(), this.timeoutMs);
  }

  andWaitForStateChange<S>(
    read: (result: R) => Promise<S> | S,
    accept: (state: S, result: R) => boolean = (state) => Boolean(state),
  ): StateExpectation<S, R> {
    return new StateExpectation(read, accept, this.run(), this.timeoutMs);
  }

  private run(): Promise<R> {
    this.running ??= Promise.resolve().then(this.stimulus);
    return this.running;
  }
}
