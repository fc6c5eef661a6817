const transform = { '^.+\\.ts$': '<rootDir>/scripts/jest-transform.cjs' };
const base = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };
// The projects that run dist/ refuse a bundle older than its sources.
const onBundle = { ...base, globalSetup: '<rootDir>/scripts/jest-stale-bundle.cjs' };

// Jest's default is one worker less than the cores: on a 2-core machine a single worker, i.e. the
// whole suite on one core. The integration and browser files are CPU-bound and independent (each
// copies dist/ and starts its own runtime, simulator and browser), so use every core.
const os = require('os');

module.exports = {
  maxWorkers: Math.max(2, os.availableParallelism ? os.availableParallelism() : os.cpus().length),
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.cjs'],
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...base, displayName: 'runtime', testMatch: ['<rootDir>/runtime/test/**/*.test.ts'] },
    { ...base, displayName: 'simulator', testMatch: ['<rootDir>/simulator/test/**/*.test.ts'] },
    { ...onBundle, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...onBundle, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
  ],
};
