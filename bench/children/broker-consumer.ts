import 'reflect-metadata';
import { bootPlatform } from '../lib/platform';
import { serve } from './serve';

/** One consumer process of 8d: the platform in broker mode with the bench's subscriber. */
serve(async () => {
  const { DATABASE_URL, BROKER_URL, BROKER_NAMESPACE } = process.env;
  const broker = { url: BROKER_URL!, namespace: BROKER_NAMESPACE!, consume: true };
  const app = await bootPlatform(DATABASE_URL!, 'broker', { broker });
  return { close: () => app.close() };
});
