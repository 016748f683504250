import {
  authEnvSchema,
  checkCoreConfig,
  checkExtraction,
  coreEnvSchema,
  env,
  InvalidConfigurationError,
  isKeyId,
  parseEnv,
  weakSecretReason,
} from '@pharmacy/platform';

export const apiEnvSchema = {
  ...coreEnvSchema,
  // true once apps/notifications runs on its own: this app then leaves the module out.
  NOTIFICATIONS_EXTRACTED: env.bool(false),
  PORT: env.int(3000, { min: 1, max: 65535 }),
  ...authEnvSchema,
  AUTH_USER_CACHE_MS: env.int(5000, { min: 0, max: 60_000 }),
  QUEUES_DASHBOARD: env.bool(false),
  QUEUES_DASHBOARD_WRITE: env.bool(false),
  API_DOCS: env.optional(env.bool()),
  CORS_ORIGINS: env.optional((raw) => raw.split(',').map((origin) => origin.trim())),
  TRUST_PROXY: env.optional(env.string()),
  RATE_LIMIT_LOGIN: env.int(10, { min: 1, max: 1_000_000 }),
  RATE_LIMIT_ORDERS: env.int(30, { min: 1, max: 1_000_000 }),
  RATE_LIMIT_DECISIONS: env.int(120, { min: 1, max: 1_000_000 }),
  RATE_LIMIT_WINDOW_SECONDS: env.int(60, { min: 1, max: 3600 }),
};

export type ApiConfig = ReturnType<typeof loadApiConfig>;

export function loadApiConfig(source: NodeJS.ProcessEnv = process.env) {
  const config = parseEnv(apiEnvSchema, source);
  checkCoreConfig(config);
  checkExtraction(config);
  checkApiConfig(config);
  return {
    ...config,
    // The OpenAPI UI is on by default, except in production, where it must be asked for.
    API_DOCS: config.API_DOCS ?? config.NODE_ENV !== 'production',
  };
}

function checkApiConfig(config: ReturnType<typeof parseEnv<typeof apiEnvSchema>>): void {
  const problems: string[] = [];
  if (!isKeyId(config.JWT_KEY_ID)) problems.push('JWT_KEY_ID: must be 1 to 64 of [A-Za-z0-9._-]');
  if (config.JWT_PREVIOUS_KEYS?.some((key) => key.id === config.JWT_KEY_ID)) {
    problems.push('JWT_PREVIOUS_KEYS: must not reuse the current JWT_KEY_ID');
  }
  for (const origin of config.CORS_ORIGINS ?? []) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(`CORS_ORIGINS: each origin must be scheme://host[:port], got "${origin}"`);
    }
  }
  if (config.NODE_ENV === 'production') {
    const weak = weakSecretReason(config.JWT_SECRET);
    if (weak) problems.push(`JWT_SECRET: ${weak}`);
    for (const key of config.JWT_PREVIOUS_KEYS ?? []) {
      const weakPrevious = weakSecretReason(key.secret);
      if (weakPrevious)
        problems.push(`JWT_PREVIOUS_KEYS: the secret of key ${key.id} ${weakPrevious}`);
    }
  }
  if (problems.length > 0) throw new InvalidConfigurationError(problems);
}
