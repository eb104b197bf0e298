import { MAIN_PAGES, ROUTES, subPackagesConfig } from './route-table';

// Cloud development (Taro.cloud / wx.cloud) is used by the weapp build. `cloud` is a valid app.json key that
// Taro's AppConfig type lacks, hence the spread.
const cloudDevelopment = { cloud: true };
const privacyCheck = { __usePrivacyCheck__: true };

// Download the subpackage a page's user most likely opens next while they read it (WeChat: ≤ 2 MB preloaded per
// page; ours are far below). Keyed by page path; packages by root.
const preloadRule = {
  [MAIN_PAGES.home]: { network: 'all' as const, packages: ['packages/assess', 'packages/apply'] },
  [ROUTES.calculator]: { network: 'all' as const, packages: ['packages/apply', 'packages/guide'] },
  [ROUTES.register]: { network: 'all' as const, packages: ['packages/privacy'] },
  [ROUTES.applyProgress]: { network: 'all' as const, packages: ['packages/cert'] },
  [ROUTES.certificate]: { network: 'all' as const, packages: ['packages/settle'] },
};

export default defineAppConfig({
  pages: Object.values(MAIN_PAGES),
  subPackages: subPackagesConfig(),
  preloadRule,
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f6fd1',
    navigationBarTitleText: '新杭州人家园',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f5fa',
  },
  ...cloudDevelopment,
  // WeChat's privacy check (since 2023): APIs that collect personal information wait for the user's consent, asked
  // by our pop-up through wx.onNeedPrivacyAuthorization (services/privacy.ts).
  ...privacyCheck,
  lazyCodeLoading: 'requiredComponents',
});
