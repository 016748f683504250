/**
 * Ends the run with one line naming each test group skipped for want of a service, and why
 * (see test/support/services-for-tests.ts, which marks such groups). In CI (`CI=true`) such a skip
 * fails the run, unless `TEST_ALLOW_SKIPS` names the service (a comma-separated list): the
 * bare-machine run of .ci/run cuts Redis off on purpose.
 */
const MARK = /\[skipped, needs (\w+): (.*)\]$/;

class SkipReporter {
  constructor() {
    this.skipped = new Map();
    this.error = undefined;
  }

  onTestResult(_test, result) {
    for (const test of result.testResults) {
      if (test.status !== 'pending') continue;
      const group = test.ancestorTitles.find((title) => MARK.test(title));
      if (group) this.skipped.set(group, group.match(MARK)[1]);
    }
  }

  onRunComplete() {
    if (this.skipped.size === 0) {
      process.stderr.write('Skipped groups: none.\n');
      return;
    }
    const allowed = (process.env.TEST_ALLOW_SKIPS ?? '').split(',').filter(Boolean);
    const forbidden = [...this.skipped.values()].filter((service) => !allowed.includes(service));
    process.stderr.write(`Skipped groups: ${[...this.skipped.keys()].join('; ')}\n`);
    if (process.env.CI === 'true' && forbidden.length > 0) {
      this.error = new Error(
        `In CI no group may be skipped for want of ${[...new Set(forbidden)].join(', ')}.`,
      );
      process.stderr.write(`${this.error.message}\n`);
    }
  }

  getLastError() {
    return this.error;
  }
}

module.exports = SkipReporter;
