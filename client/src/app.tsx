// Must run before any schema is built (WeChat has no working `Function`): zod's interpreted parsers only.
import './lib/zod-jitless';
// Must run before the first render: teaches the weapp runtime the aria-* template attributes.
import './lib/weapp-a11y';
import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { ConfigProvider } from '@nutui/nutui-react-taro';
import zhCN from '@nutui/nutui-react-taro/dist/es/locales/zh-CN';
import { initCloud } from './services/cloud';
import { refreshMe } from './services/session';
import { installPrivacyAuthorization } from './services/privacy';
import { useTheme } from './theme/elder';
import './app.scss';

// The root ConfigProvider carries locale and the theme (elder mode) as React context for every page. In the
// mini-program its own wrapper element is not part of any page's document, so PageShell re-applies the theme's
// CSS variables inside each page; in H5 this one already wraps all pages.
function App({ children }: PropsWithChildren) {
  const { nutui, elder } = useTheme();
  useLaunch(() => {
    initCloud();
    installPrivacyAuthorization();
    void refreshMe();
  });
  return (
    <ConfigProvider locale={zhCN} theme={nutui} className={elder ? 'hz-app hz-app--elder' : 'hz-app'}>
      {children}
    </ConfigProvider>
  );
}

export default App;
