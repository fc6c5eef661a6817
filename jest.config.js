const transform = { '^.+\\.ts$': '<rootDir>/scripts/jest-transform.cjs' };
const base = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };
// The projects that run dist/ refuse a bundle older than its sources.
const onBundle = { ...base, globalSetup: '<rootDir>/scripts/jest-stale-bundle.cjs' };

module.exports = {
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.cjs'],
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...base, displayName: 'runtime', testMatch: ['<rootDir>/runtime/test/**/*.test.ts'] },
    { ...base, displayName: 'simulator', testMatch: ['<rootDir>/simulator/test/**/*.test.ts'] },
    { ...onBundle, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...onBundle, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
  ],
};
