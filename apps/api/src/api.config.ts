import {
  authEnvShape,
  authRules,
  coreEnvShape,
  coreRules,
  env,
  extractionRule,
  parseEnv,
  withRules,
} from '@pharmacy/platform';
import { z } from 'zod';

const ORIGIN = /^https?:\/\/[^/\s]+$/;

export const apiEnvSchema = withRules(
  z.object({
    ...coreEnvShape,
    // true once apps/notifications runs on its own: this app then leaves the module out.
    NOTIFICATIONS_EXTRACTED: env.bool().default(false),
    PORT: env.int(1, 65535).default(3000),
    ...authEnvShape,
    AUTH_USER_CACHE_MS: env.int(0, 60_000).default(5000),
    QUEUES_DASHBOARD: env.bool().default(false),
    QUEUES_DASHBOARD_WRITE: env.bool().default(false),
    API_DOCS: env.bool().optional(),
    CORS_ORIGINS: z
      .string()
      .transform((raw) => raw.split(',').map((origin) => origin.trim()))
      .pipe(z.array(env.matching(ORIGIN, 'each origin must be scheme://host[:port]')))
      .optional(),
    TRUST_PROXY: z.string().optional(),
    RATE_LIMIT_LOGIN: env.int(1, 1_000_000).default(10),
    RATE_LIMIT_ORDERS: env.int(1, 1_000_000).default(30),
    RATE_LIMIT_DECISIONS: env.int(1, 1_000_000).default(120),
    RATE_LIMIT_WINDOW_SECONDS: env.int(1, 3600).default(60),
  }),
  coreRules,
  extractionRule,
  authRules,
).transform((config) => ({
  ...config,
  // The OpenAPI UI is on by default, except in production, where it must be asked for.
  API_DOCS: config.API_DOCS ?? config.NODE_ENV !== 'production',
}));

export type ApiConfig = z.output<typeof apiEnvSchema>;

export function loadApiConfig(source: NodeJS.ProcessEnv = process.env): ApiConfig {
  return parseEnv(apiEnvSchema, source);
}
