import {
  checkCoreConfig,
  checkExtraction,
  coreEnvSchema,
  env,
  InvalidConfigurationError,
  parseEnv,
} from '@pharmacy/platform';

export const workerEnvSchema = {
  ...coreEnvSchema,
  // true once apps/notifications runs on its own: this app then leaves the module out.
  NOTIFICATIONS_EXTRACTED: env.bool(false),
  ERX_BASE_URL: env.url(['http', 'https']),
  PHARMACY_BASE_URL: env.url(['http', 'https']),
  PARTNER_TIMEOUT_MS: env.int(5000, { min: 100, max: 120_000 }),
};

export type WorkerConfig = ReturnType<typeof loadWorkerConfig>;

export function loadWorkerConfig(source: NodeJS.ProcessEnv = process.env) {
  const config = parseEnv(workerEnvSchema, source);
  const problems: string[] = [];
  try {
    checkCoreConfig(config);
  } catch (error) {
    if (!(error instanceof InvalidConfigurationError)) throw error;
    problems.push(...error.problems);
  }
  // Prescriptions and addresses travel to the partners: in production, only over TLS.
  if (config.NODE_ENV === 'production') {
    for (const name of ['ERX_BASE_URL', 'PHARMACY_BASE_URL'] as const) {
      if (!config[name].startsWith('https:')) {
        problems.push(`${name}: must use https when NODE_ENV=production`);
      }
    }
  }
  if (config.SHUTDOWN_TIMEOUT_MS <= config.PARTNER_TIMEOUT_MS) {
    // A job mid-call must be able to finish before the process gives up on it.
    problems.push(
      `SHUTDOWN_TIMEOUT_MS: must be above PARTNER_TIMEOUT_MS (${config.PARTNER_TIMEOUT_MS}), ` +
        `got ${config.SHUTDOWN_TIMEOUT_MS}`,
    );
  }
  if (problems.length > 0) throw new InvalidConfigurationError(problems);
  checkExtraction(config);
  return config;
}
