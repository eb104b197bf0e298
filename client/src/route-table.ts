// The route table as plain data: app.config.ts (evaluated by the build in Node) and routes.ts (runtime) both read
// it, so a page can never be declared in one place and missing from the other.

export const MAIN_PAGES = { home: 'pages/index/index' } as const;

/** Every feature is a subpackage (WeChat main package ≤ 2 MB; our goal ≤ 1 MB). Owners per docs/CONTRACTS.md. */
const SUBPACKAGES = {
  assess: { calculator: 'calculator/index', pathways: 'pathways/index' },
  guide: { guide: 'index/index' },
  // 实名登记 (accounts.register); client-core.
  account: { register: 'register/index' },
  apply: { applyForm: 'form/index', applyProgress: 'progress/index', objection: 'objection/index' },
  cert: { certificate: 'index/index', certVerify: 'verify/index' },
  settle: { settle: 'index/index' },
  agent: {
    agent: 'index/index',
    rosterImport: 'roster-import/index',
    rosterAssess: 'roster-assess/index',
    rosterBoard: 'roster-board/index',
  },
  // 消息提醒: the caller's reminders (remind).
  messages: { messages: 'index/index' },
  // 隐私政策 and 我的个人信息 (download / delete, 个人信息保护法); weapp helper.
  privacy: { privacyPolicy: 'policy/index', myData: 'data/index' },
  review: {
    reviewQueue: 'queue/index',
    reviewObjections: 'objections/index',
    reviewRounds: 'rounds/index',
    reviewCalendar: 'calendar/index',
  },
  // 统计 (admin; district offices read-only), 分数线测算 (admin), 我的积分变化 (the person and delegates); charts.
  stats: { statsOverview: 'overview/index', statsLine: 'line/index', pointsHistory: 'history/index' },
  // 工作人员角色: the administrator grants and revokes staff roles by registered identity (staff).
  staff: { staffRoles: 'roles/index' },
} as const;

type Sub = typeof SUBPACKAGES;
type SubRouteName = { [P in keyof Sub]: keyof Sub[P] }[keyof Sub];
type SubRoutePath = {
  [P in keyof Sub]: { [R in keyof Sub[P]]: `packages/${P & string}/${Sub[P][R] & string}` }[keyof Sub[P]];
}[keyof Sub];

export type RouteName = keyof typeof MAIN_PAGES | SubRouteName;
export type RoutePath = (typeof MAIN_PAGES)[keyof typeof MAIN_PAGES] | SubRoutePath;

function buildRoutes(): Record<RouteName, RoutePath> {
  const out: Record<string, string> = { ...MAIN_PAGES };
  for (const [pkg, pages] of Object.entries(SUBPACKAGES)) {
    for (const [name, page] of Object.entries(pages)) out[name] = `packages/${pkg}/${page}`;
  }
  return out as Record<RouteName, RoutePath>;
}

/** Route name → page path (without leading slash), e.g. ROUTES.calculator = 'packages/assess/calculator/index'. */
export const ROUTES: Readonly<Record<RouteName, RoutePath>> = buildRoutes();

/** The `subPackages` entry of app.config. */
export function subPackagesConfig(): { root: string; pages: string[] }[] {
  return Object.entries(SUBPACKAGES).map(([pkg, pages]) => ({ root: `packages/${pkg}`, pages: Object.values(pages) }));
}
