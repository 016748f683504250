import { FAULT_RULES, type Faults, integerRule, NO_FAULTS, type Rule } from './faults';

export interface FakePartnersConfig {
  readonly port: number;
  readonly host: string;
  readonly faults: Faults;
}

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Reads every variable before failing, so a bad boot names everything that is wrong at once. */
export function readConfig(env: NodeJS.ProcessEnv): FakePartnersConfig {
  const problems: string[] = [];
  const read = (name: string, rule: Rule, fallback: number): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (rule.accepts(value)) return value;
    problems.push(`${name}: must be ${rule.expected}, got "${raw}"`);
    return fallback;
  };

  const port = read('FAKE_PARTNERS_PORT', integerRule(0, 65_535), 4010);
  const host = env.FAKE_PARTNERS_HOST?.trim() || '0.0.0.0';
  const faults: Faults = {
    ...NO_FAULTS,
    failRate: read('FAKE_FAIL_RATE', FAULT_RULES.failRate, 0),
    hangRate: read('FAKE_HANG_RATE', FAULT_RULES.hangRate, 0),
    latencyMs: read('FAKE_LATENCY_MS', FAULT_RULES.latencyMs, 0),
  };
  if (problems.length > 0) throw new InvalidConfigurationError(problems);
  return { port, host, faults };
}
