/**
 * The browser test (npm run test:browser): the web console in Debian's Chromium against the real app on a free
 * port, with its own database (the e2e global setup) and queue prefix. Kept out of `npm test`.
 */
module.exports = {
  testTimeout: 180000,
  projects: [
    {
      displayName: 'browser',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
