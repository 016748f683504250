// The part of autocannon 9's API the bench uses (the package ships no types).
declare module 'autocannon' {
  /** `duration` in seconds; the others count requests. */
  type Result = Record<'duration' | 'errors' | 'timeouts' | 'non2xx' | '2xx', number>;
  function autocannon(options: Record<string, unknown>): Promise<Result>;
  export = autocannon;
}
