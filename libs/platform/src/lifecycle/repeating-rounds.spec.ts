import { RepeatingRounds } from './repeating-rounds';

/** Rounds that each wait until the test ends them. */
class HeldRounds extends RepeatingRounds {
  started = 0;
  ended = 0;
  private endRound: (() => void) | undefined;

  constructor(private readonly firstAfterMs: number | null) {
    super();
  }

  protected firstRoundAfterMs(): number | null {
    return this.firstAfterMs;
  }

  protected pauseMs(): number {
    return 100;
  }

  protected async round(): Promise<void> {
    this.started++;
    await new Promise<void>((resolve) => (this.endRound = resolve));
    this.ended++;
  }

  end(): void {
    this.endRound?.();
  }
}

describe('RepeatingRounds', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs no round where the first delay is null', async () => {
    const rounds = new HeldRounds(null);
    rounds.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(rounds.started).toBe(0);
  });

  it('starts the next round a pause after the previous one ended, never while it runs', async () => {
    const rounds = new HeldRounds(0);
    rounds.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(rounds.started).toBe(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(rounds.started).toBe(1);

    rounds.end();
    await jest.advanceTimersByTimeAsync(99);
    expect(rounds.started).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(rounds.started).toBe(2);
    rounds.end();
    await rounds.beforeApplicationShutdown();
  });

  it('waits at shutdown for the round under way, and starts none after', async () => {
    const rounds = new HeldRounds(0);
    rounds.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);

    let stopped = false;
    const shutdown = rounds.beforeApplicationShutdown().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);

    rounds.end();
    await shutdown;
    expect(rounds.ended).toBe(1);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(rounds.started).toBe(1);
  });
});
