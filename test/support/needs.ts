import type { QueueBackend } from '@pharmacy/platform';
import { testEnv } from './test-env';

/**
 * A group that cannot run without Redis. Where Redis does not answer it is skipped, with the
 * reason in its name, and the run's last line names it (test/support/skip-reporter.js).
 */
export function describeWithRedis(name: string, body: () => void): void {
  const missing = testEnv.redisMissing;
  if (missing) describe.skip(`${name} [skipped, needs redis: ${missing}]`, body);
  else describe(name, body);
}

/** Queue tests, once per queue backend the run has: both where Redis answers, else PostgreSQL. */
export function describeEachQueueBackend(
  name: string,
  body: (backend: QueueBackend) => void,
): void {
  for (const backend of testEnv.queueBackends) {
    describe(`${name} [${backend} queues]`, () => body(backend));
  }
}
