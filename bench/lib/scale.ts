/** How much each measurement does; `BENCH_SCALE` picks one. Durations in ms. */
export interface Scale {
  readonly name: 'smoke' | 'default' | 'long';
  /** 2, 3. Warm-up, then the measured run, of each closed loop (wrapper, raw pg, HTTP). */
  readonly warmupMs: number;
  readonly loopMs: number;
  /** 4. Approvals sent at the fixed rate through the whole system. */
  readonly pipelineApprovals: number;
  /** 5. Jobs per job measurement (eRx and no-op alike). */
  readonly jobs: number;
  /** 7. Incomplete publications the relay drains (and raw pg updates, for the baseline). */
  readonly relayBacklog: number;
  /** 8. Messages per broker measurement; 8c runs 50 events a second for loopMs. */
  readonly brokerMessages: number;
}

const SCALES: Record<Scale['name'], Scale> = {
  smoke: {
    name: 'smoke',
    warmupMs: 200,
    loopMs: 600,
    pipelineApprovals: 60,
    jobs: 100,
    relayBacklog: 2000,
    brokerMessages: 500,
  },
  default: {
    name: 'default',
    warmupMs: 1000,
    loopMs: 5000,
    pipelineApprovals: 1200,
    jobs: 1500,
    relayBacklog: 50_000,
    brokerMessages: 5000,
  },
  long: {
    name: 'long',
    warmupMs: 5000,
    loopMs: 30_000,
    pipelineApprovals: 6000,
    jobs: 6000,
    relayBacklog: 50_000,
    brokerMessages: 20_000,
  },
};

export function scaleFrom(name = process.env.BENCH_SCALE ?? 'default'): Scale {
  const scale = SCALES[name as Scale['name']];
  if (!scale) {
    throw new Error(`BENCH_SCALE must be one of ${Object.keys(SCALES).join(', ')}, got "${name}"`);
  }
  return scale;
}
