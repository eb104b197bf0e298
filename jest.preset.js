// Shared jest settings for Node-side workspaces: TypeScript through swc (type checking is `npm run typecheck`),
// and the rules package resolved from source so tests never depend on a stale build.
const path = require('path');
module.exports = (dir, extra = {}) => ({
  rootDir: dir,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2020' } }] },
  moduleNameMapper: {
    '^@hz-points/shared$': path.join(__dirname, 'shared/src/index.ts'),
    '^@hz-points/shared/guide$': path.join(__dirname, 'shared/src/guide.ts'),
  },
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/build/'],
  ...extra,
});
