import { FAULT_RULES, type Faults, integer, parseFaults, type Rule } from './faults';

export interface FakePartnersConfig {
  readonly port: number;
  readonly host: string;
  readonly faults: Faults;
}

/** Reads every variable before failing, so a bad boot names everything that is wrong at once. */
export function readConfig(env: NodeJS.ProcessEnv): FakePartnersConfig {
  const problems: string[] = [];
  const read = (name: string, rule: Rule): number | undefined => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    if (rule.accepts(Number(raw))) return Number(raw);
    problems.push(`${name}: must be ${rule.expected}, got "${raw}"`);
  };
  const config = {
    port: read('FAKE_PARTNERS_PORT', integer(0, 65_535)) ?? 4010,
    host: env.FAKE_PARTNERS_HOST?.trim() || '0.0.0.0',
    faults: parseFaults({
      failRate: read('FAKE_FAIL_RATE', FAULT_RULES.failRate),
      hangRate: read('FAKE_HANG_RATE', FAULT_RULES.hangRate),
      latencyMs: read('FAKE_LATENCY_MS', FAULT_RULES.latencyMs),
    }),
  };
  if (problems.length > 0)
    throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
