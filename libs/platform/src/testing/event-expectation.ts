import { DomainEvent, EventClass } from '../events/domain-event';
import { EventLog } from './event-log';

/**
 * "…then an event of this type, matching this, arrives (or does not)": built by
 * {@link Stimulated.andWaitForEventOfType}. `R` is what the stimulus returned.
 */
export class EventExpectation<E extends DomainEvent, R> {
  private predicate: (event: E, result: R) => boolean = () => true;
  private description = '';

  constructor(
    private readonly log: EventLog,
    private readonly eventClass: EventClass<E>,
    private readonly mark: number,
    private readonly result: Promise<R>,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Only events for which `predicate` holds count; it also receives the stimulus's result.
   * `description` (such as "for order 42") names them in a failure.
   */
  matching(predicate: (event: E, result: R) => boolean, description?: string): this {
    this.predicate = predicate;
    this.description = description ? ` ${description}` : '';
    return this;
  }

  /** Waits for the first matching event, runs `verify` on it, and answers it. */
  async toArriveAndVerify(verify: (event: E, result: R) => void = () => undefined): Promise<E> {
    const result = await this.result;
    const event = await this.first(result, this.timeoutMs);
    if (!event) {
      throw new Error(
        `No ${this.eventClass.type} event${this.description} arrived within ${this.timeoutMs} ms`,
      );
    }
    verify(event, result);
    return event;
  }

  /** Waits for the first matching event; answers it. */
  toArrive(): Promise<E> {
    return this.toArriveAndVerify();
  }

  /**
   * Holds for `windowMs` and fails if a matching event arrives meanwhile. Make the window longer
   * than the flow that would publish the event takes, or the test proves nothing.
   */
  async toNotArriveWithin(windowMs: number): Promise<void> {
    const result = await this.result;
    const event = await this.first(result, windowMs);
    if (event) {
      throw new Error(
        `A ${this.eventClass.type} event${this.description} arrived, ${event.eventId}: ` +
          JSON.stringify(event.payload),
      );
    }
  }

  private first(result: R, timeoutMs: number): Promise<E | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        stop();
        resolve(undefined);
      }, timeoutMs);
      const stop = this.log.follow(this.mark, (event) => {
        if (event.type !== this.eventClass.type || !this.predicate(event as E, result)) {
          return false;
        }
        clearTimeout(timer);
        resolve(event as E);
        return true;
      });
    });
  }
}
