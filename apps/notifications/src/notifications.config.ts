import { checkCoreConfig, coreEnvSchema, env, parseEnv } from '@pharmacy/platform';

/**
 * The notifications service's own settings. DATABASE_URL is its own: its own credentials and
 * schema (put `?options=-c%20search_path%3Dnotifications` in the URL), never the monolith's.
 * It uses the broker backend whatever EVENT_BUS_BACKEND says: RabbitMQ is its only way in.
 */
export const notificationsEnvSchema = {
  ...coreEnvSchema,
  // Not used: the service enqueues no job. Present because the platform's schema is shared.
  REDIS_URL: env.url(['redis', 'rediss'], 'redis://127.0.0.1:6379/0'),
  PORT: env.int(3100, { min: 1, max: 65535 }),
  JWT_SECRET: env.secret(32),
};

export type NotificationsConfig = ReturnType<typeof loadNotificationsConfig>;

export function loadNotificationsConfig(source: NodeJS.ProcessEnv = process.env) {
  const config = parseEnv(notificationsEnvSchema, source);
  checkCoreConfig(config);
  return { ...config, EVENT_BUS_BACKEND: 'broker' as const };
}
