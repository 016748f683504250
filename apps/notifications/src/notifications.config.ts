import {
  authEnvShape,
  authRules,
  coreEnvShape,
  coreRules,
  env,
  parseEnv,
  withRules,
} from '@pharmacy/platform';
import { z } from 'zod';

/**
 * The notifications service's own settings. DATABASE_URL is its own: its own credentials and
 * schema (put `?options=-c%20search_path%3Dnotifications` in the URL), never the monolith's.
 * It uses the broker backend whatever EVENT_BUS_BACKEND says: RabbitMQ is its only way in.
 */
export const notificationsEnvSchema = withRules(
  z.object({
    ...coreEnvShape,
    PORT: env.int(1, 65535).default(3100),
    // The API's signing key and claims: this service verifies the tokens the API issues.
    ...authEnvShape,
  }),
  coreRules,
  authRules,
).transform((config) => ({ ...config, EVENT_BUS_BACKEND: 'broker' as const }));

export type NotificationsConfig = z.output<typeof notificationsEnvSchema>;

export function loadNotificationsConfig(
  source: NodeJS.ProcessEnv = process.env,
): NotificationsConfig {
  return parseEnv(notificationsEnvSchema, source);
}
