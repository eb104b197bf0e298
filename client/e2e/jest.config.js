// End-to-end stage (owner: client-flows): the built H5 app in headless chromium against the local cloud.
// Run from the repo root: `npx jest -c client/e2e/jest.config.js` (builds the H5 app once, then runs serially).
// Kept out of the client unit project on purpose: it needs a build, a browser and minutes, not seconds.
const path = require('path');

module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2020' } }] },
  moduleNameMapper: { '^@hz-points/shared$': path.join(__dirname, '../../shared/src/index.ts') },
  testMatch: ['<rootDir>/**/*.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/artifacts/'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  // One browser flow at a time: the machine has 2 cores and each flow runs its own local cloud.
  maxWorkers: 1,
  testTimeout: 240000,
  slowTestThreshold: 120,
};
