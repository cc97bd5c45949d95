// @ts-check
/** Separate jest projects so unit, integration and browser suites can run on their own. */
const transform = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };

/** @type {import('jest').Config} */
module.exports = {
  collectCoverageFrom: ['src/domain/**/*.ts', '!src/domain/**/*.test.ts', '!src/domain/**/builders.ts'],
  coverageThreshold: {
    // The OKR maths is the product: every branch of src/domain is exercised.
    'src/domain/': { branches: 100, functions: 100, lines: 100, statements: 100 },
  },
  coverageReporters: ['text-summary', 'lcov'],
  collectCoverage: true,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/src/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/local/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/smoke/'],
    },
    {
      // Runs what `forge deploy` would upload: the @forge/bundler output of `npm run package`.
      displayName: 'smoke',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/smoke/**/*.test.ts'],
    },
  ],
};
