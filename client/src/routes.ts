// Typed route constants and the one navigation helper. Pages never spell page paths: `navigate('calculator')`.
import Taro from '@tarojs/taro';
import { ROUTES, MAIN_PAGES, type RouteName } from './route-table';

export { ROUTES, type RouteName };

type QueryValue = string | number | boolean | undefined | null;

/**
 * Query parameters a route understands. Routes not listed take no parameters; client-flows adds its own here
 * (ask client-core) so a typo in a parameter name is a type error rather than a silently empty page.
 */
export interface RouteParams {
  home: Record<string, never>;
  calculator: Record<string, never>;
  pathways: Record<string, never>;
  register: { back?: RouteName };
  guide: { section?: 'materials' | 'timeline' | 'faq'; indicator?: string };
  applyForm: { applicationId?: string; for?: string };
  applyProgress: { applicationId?: string };
  objection: { applicationId?: string; item?: string };
  certificate: { applicationId?: string };
  certVerify: { code?: string };
  settle: { applicationId?: string };
  agent: Record<string, never>;
  reviewQueue: { department?: string };
  reviewObjections: Record<string, never>;
  reviewRounds: Record<string, never>;
  reviewCalendar: Record<string, never>;
  messages: Record<string, never>;
  privacyPolicy: Record<string, never>;
  myData: Record<string, never>;
  rosterImport: Record<string, never>;
  rosterAssess: Record<string, never>;
  rosterBoard: { filter?: 'all' | 'agent' | 'employee' | 'waiting' | 'done' };
  statsOverview: { year?: number };
  statsLine: { year?: number };
  pointsHistory: Record<string, never>;
  staffRoles: Record<string, never>;
}

function buildUrl<R extends RouteName>(route: R, params?: RouteParams[R]): string {
  const query = Object.entries((params ?? {}) as Record<string, QueryValue>)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `/${ROUTES[route]}${query ? `?${query}` : ''}`;
}

const MAIN_PATHS: readonly string[] = Object.values(MAIN_PAGES);

/** Go to a page. The home page is re-launched (it is the root of the stack); everything else is pushed. */
export function navigate<R extends RouteName>(route: R, params?: RouteParams[R]): Promise<unknown> {
  const url = buildUrl(route, params);
  if (MAIN_PATHS.includes(ROUTES[route])) return Taro.reLaunch({ url });
  return Taro.navigateTo({ url });
}
