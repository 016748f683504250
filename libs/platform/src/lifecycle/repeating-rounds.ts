import { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';

/**
 * Background work done in rounds for the life of the process: a round, a pause, the next round.
 * Rounds never overlap, and the pause runs from the end of one round, so a slow round delays the
 * next instead of piling up behind it. Shutdown, which comes before the database closes, stops
 * the timer and waits for the round under way; a long round reads `stopped` between its steps
 * to end early. The timer never keeps the process alive.
 */
export abstract class RepeatingRounds implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  /** How long after startup the first round runs, or null where this process runs none. */
  protected abstract firstRoundAfterMs(): number | null;

  /** The pause between the end of a round and the start of the next. */
  protected abstract pauseMs(): number;

  /** One round. It handles its own failures: the next round is the retry. It must not reject. */
  protected abstract round(): Promise<void>;

  onApplicationBootstrap(): void {
    const delayMs = this.firstRoundAfterMs();
    if (delayMs !== null) this.schedule(delayMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round().finally(() => this.schedule(this.pauseMs()));
    }, delayMs);
    this.timer.unref();
  }
}
