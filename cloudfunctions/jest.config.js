module.exports = {
  displayName: 'cloud',
  ...require('../jest.preset')(__dirname, {
    // e2e tests (real browser) run in their own stage of `npm test`, after the H5 build.
    testPathIgnorePatterns: ['/node_modules/', '/dist/', '/build/', '/e2e/'],
    // ECharts and its renderer ship ES modules only (the stats function's server-side charts): let swc convert them.
    transformIgnorePatterns: ['/node_modules/(?!(echarts|zrender)/)'],
  }),
};
