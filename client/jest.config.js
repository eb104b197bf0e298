// Component tests for the Taro client (owner: client-core). Taro components map to their H5 React build,
// @tarojs/taro to a small in-memory mock, stylesheets to an empty module.
const preset = require('../jest.preset')(__dirname, {});

// Packages shipped as untranspiled ESM (and nesting their own node_modules) must go through swc.
const esm = [
  '@tarojs',
  '@stencil',
  'swiper',
  'ssr-window',
  'dom7',
  '@nutui',
  '@react-spring',
  '@use-gesture',
  'lodash-es',
  'echarts',
  'zrender',
];

module.exports = {
  ...preset,
  displayName: 'client',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)', '<rootDir>/test/**/*.test.ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/e2e/'],
  transform: {
    '^.+\\.(m?js|jsx|tsx?)$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2020',
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
      },
    ],
  },
  // A path is left alone only if no listed package appears anywhere in it (they nest node_modules of their own).
  transformIgnorePatterns: [`^(?!.*/node_modules/(${esm.join('|')})/).*/node_modules/`, '/dist/weapp/'],
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^@tarojs/components$': '@tarojs/components/lib/react',
    // The package's `main` is a UMD bundle that draws on a canvas at import; use its ES build as webpack does.
    '^@nutui/nutui-react-taro$': '@nutui/nutui-react-taro/dist/es/packages/nutui.react.build.js',
    '^(lottie-(react|web)|@nutui/lottie-miniprogram)$': '<rootDir>/test/__mocks__/lottie.js',
    '^@tarojs/taro$': '<rootDir>/test/__mocks__/taro.ts',
    '\\.(css|scss|sass|less)$': '<rootDir>/test/__mocks__/style.js',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
};
