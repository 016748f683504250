/** Unit specs sit beside the code (*.spec.ts); integration and end-to-end tests live in test/. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: {
    '^@pharmacy/platform/(telemetry|testing)$': '<rootDir>/libs/platform/src/$1',
    '^@pharmacy/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Its last line names every group skipped for want of a service (a failure in CI).
  reporters: ['default', '<rootDir>/test/support/skip-reporter.js'],
  testTimeout: 30000,
  // The suites boot real apps against real services; a failed one can leave a reconnect timer
  // behind, and that must fail the run, not hang it.
  forceExit: true,
};
