/** How long each measurement runs; `BENCH_SCALE` picks one. Durations in ms. */
export interface Scale {
  readonly name: 'smoke' | 'default' | 'long';
  /** 1. Each bus variant without a database: warm-up, then measured. */
  readonly busWarmupMs: number;
  readonly busMs: number;
  /** 1. The bus variant that opens a transaction per handler. */
  readonly busDbMs: number;
  /** 2. Each after-commit wrapper variant and each raw-pg ceiling run. */
  readonly wrapperWarmupMs: number;
  readonly wrapperMs: number;
  /** 3. HTTP at fixed connections: warm-up, then measured. */
  readonly httpWarmupMs: number;
  readonly httpMs: number;
  /** 3. HTTP (and its raw-pg baseline) at the fixed moderate rate; 4. the low-rate pipeline run. */
  readonly rateMs: number;
  /** 4. Approvals sent at the fixed rate through the whole pipeline. */
  readonly pipelineApprovals: number;
  /** 5. Jobs per job measurement (eRx and no-op alike). */
  readonly jobs: number;
  /** 7. Incomplete publications the relay drains (and raw pg updates, for the baseline). */
  readonly relayBacklog: number;
  /** 8. Messages per broker measurement (hand-off, consume, one and two consumer processes). */
  readonly brokerMessages: number;
}

const SCALES: Record<Scale['name'], Scale> = {
  smoke: {
    name: 'smoke',
    busWarmupMs: 50,
    busMs: 200,
    busDbMs: 250,
    wrapperWarmupMs: 100,
    wrapperMs: 300,
    httpWarmupMs: 300,
    httpMs: 800,
    rateMs: 400,
    pipelineApprovals: 60,
    jobs: 100,
    relayBacklog: 2000,
    brokerMessages: 500,
  },
  default: {
    name: 'default',
    busWarmupMs: 300,
    busMs: 1500,
    busDbMs: 2000,
    wrapperWarmupMs: 1000,
    wrapperMs: 4000,
    httpWarmupMs: 3000,
    httpMs: 10_000,
    rateMs: 6000,
    pipelineApprovals: 1200,
    jobs: 1500,
    relayBacklog: 50_000,
    brokerMessages: 5000,
  },
  long: {
    name: 'long',
    busWarmupMs: 1000,
    busMs: 8000,
    busDbMs: 10_000,
    wrapperWarmupMs: 2000,
    wrapperMs: 20_000,
    httpWarmupMs: 5000,
    httpMs: 60_000,
    rateMs: 30_000,
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
