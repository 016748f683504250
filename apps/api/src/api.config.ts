import { checkCoreConfig, checkExtraction, coreEnvSchema, env, parseEnv } from '@pharmacy/platform';

export const apiEnvSchema = {
  ...coreEnvSchema,
  // true once apps/notifications runs on its own: this app then leaves the module out.
  NOTIFICATIONS_EXTRACTED: env.bool(false),
  PORT: env.int(3000, { min: 1, max: 65535 }),
  JWT_SECRET: env.secret(32),
  JWT_TTL_SECONDS: env.int(3600, { min: 60, max: 30 * 24 * 3600 }),
  AUTH_DEV_LOGIN: env.bool(false),
  QUEUES_DASHBOARD: env.bool(false),
};

export type ApiConfig = ReturnType<typeof loadApiConfig>;

export function loadApiConfig(source: NodeJS.ProcessEnv = process.env) {
  const config = parseEnv(apiEnvSchema, source);
  checkCoreConfig(config);
  checkExtraction(config);
  return config;
}
