import { MAIN_PAGES, subPackagesConfig } from './route-table';

// Cloud development (Taro.cloud / wx.cloud) is used by the weapp build. `cloud` is a valid app.json key that
// Taro's AppConfig type lacks, hence the spread.
const cloudDevelopment = { cloud: true };
const privacyCheck = { __usePrivacyCheck__: true };

export default defineAppConfig({
  pages: Object.values(MAIN_PAGES),
  subPackages: subPackagesConfig(),
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
