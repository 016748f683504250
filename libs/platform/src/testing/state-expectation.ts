/**
 * "…then the state changes": built by {@link Stimulated.andWaitForStateChange}. Polls `read`
 * until `accept` holds for its value, or fails at the deadline naming the last value read.
 */
export class StateExpectation<S, R> {
  constructor(
    private readonly read: (result: R) => Promise<S> | S,
    private readonly accept: (state: S, result: R) => boolean,
    private readonly result: Promise<R>,
    private readonly timeoutMs: number,
    private readonly intervalMs = 25,
  ) {}

  /** Waits for the accepted state, runs `verify` on it, and answers it. */
  async andVerify(verify: (state: S, result: R) => void = () => undefined): Promise<S> {
    const result = await this.result;
    const deadline = Date.now() + this.timeoutMs;
    let state = await this.read(result);
    while (!this.accept(state, result)) {
      if (Date.now() > deadline) {
        throw new Error(
          `The state did not change within ${this.timeoutMs} ms; last read ${JSON.stringify(state)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
      state = await this.read(result);
    }
    verify(state, result);
    return state;
  }
}
