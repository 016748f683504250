import {
  coreEnvShape,
  coreRules,
  env,
  extractionRule,
  parseEnv,
  refuse,
  withRules,
} from '@pharmacy/platform';
import { z } from 'zod';

export const workerEnvSchema = withRules(
  z.object({
    ...coreEnvShape,
    // true once apps/notifications runs on its own: this app then leaves the module out.
    NOTIFICATIONS_EXTRACTED: env.bool().default(false),
    ERX_BASE_URL: env.url('http', 'https'),
    PHARMACY_BASE_URL: env.url('http', 'https'),
    PARTNER_TIMEOUT_MS: env.int(100, 120_000).default(5000),
  }),
  coreRules,
  extractionRule,
  (config, ctx) => {
    // Prescriptions and addresses travel to the partners: in production, only over TLS.
    for (const name of ['ERX_BASE_URL', 'PHARMACY_BASE_URL'] as const) {
      if (config.NODE_ENV === 'production' && !config[name].startsWith('https:')) {
        refuse(ctx, name, 'must use https when NODE_ENV=production');
      }
    }
    if (config.SHUTDOWN_TIMEOUT_MS <= config.PARTNER_TIMEOUT_MS) {
      // A job mid-call must be able to finish before the process gives up on it.
      refuse(
        ctx,
        'SHUTDOWN_TIMEOUT_MS',
        `must be above PARTNER_TIMEOUT_MS (${config.PARTNER_TIMEOUT_MS}), got ${config.SHUTDOWN_TIMEOUT_MS}`,
      );
    }
  },
);

export type WorkerConfig = z.output<typeof workerEnvSchema>;

export function loadWorkerConfig(source: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return parseEnv(workerEnvSchema, source);
}
