import type { QueueBackend } from '@pharmacy/platform';
import { testEnv } from './test-env';

/**
 * A group that cannot run without a service. Where the service does not answer it is skipped,
 * with the reason in its name, and the run's last line names it (test/support/skip-reporter.js).
 */
function describeWith(service: string, missing: string | undefined) {
  return (name: string, body: () => void): void => {
    if (missing) describe.skip(`${name} [skipped, needs ${service}: ${missing}]`, body);
    else describe(name, body);
  };
}

export const describeWithRedis = describeWith('redis', testEnv.redisMissing);
export const describeWithBroker = describeWith('rabbitmq', testEnv.brokerMissing);

/** Queue tests, once per queue backend the run has: both where Redis answers, else PostgreSQL. */
export function describeEachQueueBackend(
  name: string,
  body: (backend: QueueBackend) => void,
): void {
  for (const backend of testEnv.queueBackends) {
    describe(`${name} [${backend} queues]`, () => body(backend));
  }
}
