// Component tests for the Taro client (owner: client). Taro components map to their H5 React build.
module.exports = {
  displayName: 'client',
  ...require('../jest.preset')(__dirname, {
    testEnvironment: 'jsdom',
    testMatch: ['<rootDir>/src/**/*.test.ts?(x)', '<rootDir>/test/**/*.test.ts?(x)'],
  }),
};
