// @ts-check
// Test projects: unit (no database), integration (real PostGIS), e2e (headless Chromium), static
// (type check and lint). `npm test` prepares the database and runs them all.
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true } } }],
};

/** @param {string} name @param {Partial<import('jest').Config>} extra */
const project = (name, extra = {}) => ({
  displayName: name,
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`],
  transform,
  testEnvironment: 'node',
  ...extra,
});

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  transform,
  testTimeout: 60_000,
  maxWorkers: 2,
  projects: [project('unit'), project('integration'), project('e2e'), project('static')],
};
