// Every page's frame: nutui theme (elder mode), our own CSS variables, the acting-for banner, and in H5 local
// mode the persona switcher. In the mini-program each page is its own document, so the theme must be applied
// here, per page; app.tsx holds the app-wide provider (context, locale) and the launch work.
import type { CSSProperties, ReactNode } from 'react';
import { View } from '@tarojs/components';
import { ConfigProvider } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/configprovider/style/css';
import { useTheme } from '../../theme/elder';
import { ActingForBanner } from '../ActingForBanner';
import { devPersonaSwitcher } from '../devtools';
import './index.scss';

export interface PageShellProps {
  /**
   * Page title. The mini-program's navigation bar already shows the page config's title, so the in-page heading
   * is drawn only in H5 (which has no navigation bar).
   */
  title: string;
  /** Hide the in-page heading (the home page draws its own header). */
  hideTitle?: boolean;
  /** Hide the acting-for banner: only for pages that are never about another person (e.g. the guide). */
  hideActingFor?: boolean;
  className?: string;
  children?: ReactNode;
}

export function PageShell({ title, hideTitle, hideActingFor, className, children }: PageShellProps) {
  const { elder, vars, nutui } = useTheme();
  const DevPersonaSwitcher = devPersonaSwitcher();
  const rootClass = ['hz-page', elder ? 'hz-page--elder' : 'hz-page--standard', className].filter(Boolean).join(' ');
  return (
    <ConfigProvider theme={nutui} className={rootClass} style={vars as CSSProperties}>
      {/* eslint-disable-next-line react-hooks/static-components -- the same module export on every render */}
      {DevPersonaSwitcher && <DevPersonaSwitcher />}
      {!hideActingFor && <ActingForBanner />}
      {!hideTitle && process.env.TARO_ENV === 'h5' && (
        <View className="hz-page__header">
          <View className="hz-page__title" role="heading" ariaRole="heading" aria-level={1}>
            {title}
          </View>
        </View>
      )}
      <View className="hz-page__body">{children}</View>
    </ConfigProvider>
  );
}
