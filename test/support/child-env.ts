import {
  createFakePartnersServer,
  FakePartnersServer,
} from '../../apps/fake-partners/src/fake-partners-server';
import { testEnv } from './test-env';
import { TEST_JWT_SECRET } from './tokens';

/**
 * Fake partners listening in this process, and the settings that point the API and the worker,
 * run as child processes, at them and at this run's services, logging at info.
 */
export async function partnersAndChildEnv(): Promise<{
  partners: FakePartnersServer;
  partnersUrl: string;
  env: NodeJS.ProcessEnv;
}> {
  const partners = createFakePartnersServer();
  const partnersUrl = `http://127.0.0.1:${await partners.listen(0, '127.0.0.1')}`;
  const env = {
    DATABASE_URL: testEnv.databaseUrl,
    REDIS_URL: testEnv.redisUrl,
    QUEUE_BACKEND: testEnv.queueBackend,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'info',
    ERX_BASE_URL: partnersUrl,
    PHARMACY_BASE_URL: partnersUrl,
  };
  return { partners, partnersUrl, env };
}
