import {
  authEnvSchema,
  checkCoreConfig,
  coreEnvSchema,
  env,
  InvalidConfigurationError,
  parseEnv,
  weakSecretReason,
} from '@pharmacy/platform';

/**
 * The notifications service's own settings. DATABASE_URL is its own: its own credentials and
 * schema (put `?options=-c%20search_path%3Dnotifications` in the URL), never the monolith's.
 * It uses the broker backend whatever EVENT_BUS_BACKEND says: RabbitMQ is its only way in.
 */
export const notificationsEnvSchema = {
  ...coreEnvSchema,
  PORT: env.int(3100, { min: 1, max: 65535 }),
  // The API's signing key and claims: this service verifies the tokens the API issues.
  ...authEnvSchema,
};

export type NotificationsConfig = ReturnType<typeof loadNotificationsConfig>;

export function loadNotificationsConfig(source: NodeJS.ProcessEnv = process.env) {
  const config = parseEnv(notificationsEnvSchema, source);
  checkCoreConfig(config);
  const weak = config.NODE_ENV === 'production' ? weakSecretReason(config.JWT_SECRET) : null;
  if (weak) throw new InvalidConfigurationError([`JWT_SECRET: ${weak}`]);
  return { ...config, EVENT_BUS_BACKEND: 'broker' as const };
}
