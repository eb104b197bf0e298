import path from 'path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type { IProjectConfig } from '@tarojs/taro/types/compile';
import devConfig from './dev';
import prodConfig from './prod';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS, shared with its jest test
const { assertDeployableCloudEnv } = require('./cloud-env');

// One config for both targets; the target decides the output folder so a weapp build never overwrites the
// h5 build the local cloud serves (both default to dist/).
const taroEnv = process.env.TARO_ENV ?? 'weapp';
const sharedSrc = path.resolve(__dirname, '../../shared/src');

// The rules package is TypeScript source in a workspace folder: Taro's babel rule skips it unless included,
// and we resolve it to source so a client build never runs on a stale shared/dist.
// `$`: exact matches, so the subpath entry `@hz-points/shared/guide` (办事指南 text) is not read as a folder of index.ts.
const sharedAlias = {
  '@hz-points/shared$': path.join(sharedSrc, 'index.ts'),
  '@hz-points/shared/guide$': path.join(sharedSrc, 'guide.ts'),
  '@': path.resolve(__dirname, '../src'),
};

// Dependencies that ship syntax newer than ES2018 (zod 4: `?.`, `??`, `catch {}`). Taro's babel rule only covers our
// own source and @tarojs/*-named packages, and WeChat DevTools' ES6→ES5 switch is off (project.config.json), so these
// would reach old iOS JavaScriptCore untranspiled and fail to parse. Babel (babel.config.js, browserslist in
// package.json) lowers them with the rest. test/weapp/syntax.weapp.test.ts parses every built file as ES2018.
// (A folder path: Taro's config check rejects a RegExp here.)
const modernDependencies = path.dirname(require.resolve('zod/package.json'));

/** webpack-chain's config object, as Taro's own types name it (webpack-chain is Taro's dependency, not ours). */
type WebpackChain = Parameters<NonNullable<NonNullable<IProjectConfig<'webpack5'>['mini']>['webpackChain']>>[0];

// The rules package is pure (no I/O, no clock: docs/CONTRACTS.md), so a page that imports one helper from its barrel
// need not carry the rest: declare its modules free of side effects for webpack's tree shaking.
function pureSharedModules(chain: WebpackChain) {
  // `set`: the sideEffects shorthand calls it, but webpack-chain's types do not declare the shorthand.
  chain.module.rule('hz-shared-pure').test(/\.ts$/).include.add(sharedSrc).end().set('sideEffects', false);
  if (process.env.HZ_BUNDLE_REPORT) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a bundle report is asked for
    const bundleReport = require('./bundle-report');
    chain.plugin('hz-bundle-report').use(bundleReport, [process.env.HZ_BUNDLE_REPORT]);
  }
}

/**
 * H5 loads each page as an async chunk. Taro's H5 split only splits *initial* chunks, so every page chunk carried
 * its own copy of the UI kit, zod, the rules package and their stylesheets (one 71 KB stylesheet sat in 11 CSS files,
 * 951 KB of CSS in all, and each page chunk weighed 170-320 KB). Splitting all chunks gives the pages shared chunks instead, each
 * downloaded and cached once. Taro's cache groups (taro, vendors, common) are kept; only their scope widens.
 */
function shareChunksBetweenPages(chain: WebpackChain) {
  const taroSplit = chain.optimization.get('splitChunks') || {};
  chain.optimization.splitChunks({
    ...taroSplit,
    chunks: 'all',
    // Taro sets minSize 0, which cut the calculator into 25 script requests of 0.1-25 KB: on a phone (6 connections,
    // 150 ms each) the waits added up to more than the bytes. Script shared by pages gets its own chunk only from
    // 10 KB; smaller shared script is copied into each page's chunk instead (a page still downloads each module
    // once). Stylesheets are always shared, never copied: a copied stylesheet is downloaded and parsed again by every
    // page that has it. The request limits are raised so webpack never falls back to copying to respect them (with
    // webpack's 30, the calculator's and the pathway check's shared stylesheet sat in both their chunks).
    minSize: { javascript: 10 * 1024, 'css/mini-extract': 0 },
    maxAsyncRequests: 100,
    maxInitialRequests: 100,
  });
}

/**
 * H5 first load (issue 10): index.html preloads the opened page's chunks and route-chunks.json lists each page's files
 * for the size report (config/route-chunks.js); `platform` (user-agent tables Taro's getDeviceInfo needs for fields we
 * never read) gives way to a small stand-in (config/platform-lite.js).
 */
function lightenFirstLoad(chain: WebpackChain) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS webpack plugin loaded by Taro's config
  chain.plugin('hz-route-chunks').use(require('./route-chunks'), [{ sourceRoot: path.resolve(__dirname, '../src') }]);
  chain.resolve.alias.set('platform$', path.resolve(__dirname, 'platform-lite.js'));
}

export default defineConfig<'webpack5'>(async (merge) => {
  // A release build (HZ_DEPLOY=1) refuses the placeholder CloudBase environment of the .env files.
  if (taroEnv === 'weapp') assertDeployableCloudEnv(process.env);
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'hz-points-client',
    date: '2026-11-25',
    // nutui-react-taro is drawn on a 375 px design; our own styles on Taro's default 750.
    designWidth(input) {
      const file = typeof input === 'object' ? input?.file : undefined;
      if (file && file.replace(/\\+/g, '/').includes('@nutui')) return 375;
      return 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // HZ_OUTPUT_ROOT (relative to client/) lets a second build run without emptying the folder others test against.
    outputRoot: process.env.HZ_OUTPUT_ROOT || `dist/${taroEnv}`,
    plugins: [path.resolve(__dirname, 'plugin-a11y.js'), path.resolve(__dirname, 'plugin-precompress.js')],
    alias: sharedAlias,
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSrc, modernDependencies] },
      webpackChain: pureSharedModules,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      // Relative paths: the local cloud serves client/dist/h5/index.html at `/`, and the same build also works
      // from any sub-folder of a static server.
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedSrc] },
      webpackChain: (chain) => {
        pureSharedModules(chain);
        shareChunksBetweenPages(chain);
        lightenFirstLoad(chain);
      },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
