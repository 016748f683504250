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
  checkCoreConfig(config);
  if (config.SHUTDOWN_TIMEOUT_MS <= config.PARTNER_TIMEOUT_MS) {
    // A job mid-call must be able to finish before the process gives up on it.
    throw new InvalidConfigurationError([
      `SHUTDOWN_TIMEOUT_MS: must be above PARTNER_TIMEOUT_MS (${config.PARTNER_TIMEOUT_MS}), ` +
        `got ${config.SHUTDOWN_TIMEOUT_MS}`,
    ]);
  }
  checkExtraction(config);
  return config;
}
