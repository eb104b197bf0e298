/** @jest-environment-options {"customExportConditions": ["node", "node-addons"]} */
/**
 * Every page of the COMPILED mini-program (client/dist/weapp) in a WeChat-shaped logic layer (logic-layer.ts): code
 * generation forbidden (`Function` returning nothing — as reported for WeChat — or throwing; `eval` throwing), no
 * browser globals, `wx.cloud.callFunction` answered by the real cloud handlers (`invoke`, SQLite in a temp folder,
 * seeded with the demo personas). Each page must load and show its content; then journeys run through the compiled
 * pages' own event bindings.
 *
 * Before src/lib/zod-jitless.ts, this suite reproduced WeChat's crash: 11 of 16 pages threw "n is not a function"
 * from zod's compiled parser on load (the module-level calendar parse in shared/src/calendar/calendar-data.ts ran
 * first), and the calculator and pathways pages rendered blank.
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { pathToFileURL } from 'url';
import { LogicLayer, BROWSER_GLOBALS, type FunctionMode } from './logic-layer';
import { ROUTES, type RouteName } from '../../src/route-table';
import { createTestCloud, type TestCloud } from '../../../cloudfunctions/test/helpers/runtime';
import { seedDemo, DEMO_PERSON_IDS } from '../../../cloudfunctions/src/demo/seed';
import { bj, scoredApplication, seededCloud } from '../../../cloudfunctions/test/certificates/fixtures';
import { idNumberFor } from '../../../cloudfunctions/test/helpers/fixtures';
import { PRIVACY_POLICY_VERSION } from '@hz-points/shared';
import { LocalFileStore } from '../../../cloudfunctions/src/storage/files-local';
import { noisePng } from '../../../cloudfunctions/test/helpers/photos';

const dist = path.resolve(__dirname, '../..', process.env.HZ_WEAPP_DIST || 'dist/weapp');
const built = existsSync(path.join(dist, 'app.js')) && existsSync(path.join(dist, 'app.json'));
// `npm test` builds first and sets HZ_REQUIRE_BUILDS=1: there a missing build fails instead of skipping.
const d = built || process.env.HZ_REQUIRE_BUILDS ? describe : describe.skip;
if (!built) console.warn('weapp page suite skipped: run `npx taro build --type weapp` in client/ first');

// jsdom (the renderer's environment) has no setImmediate; the SQLite store's group commit (host side) uses it.
(globalThis as any).setImmediate ??= require('timers').setImmediate;
// The cloud's certificate PDF (pdfkit, fontkit) runs host side too and needs Node's TextEncoder, which jsdom lacks.
// (The realm the pages run in has none: it is a separate context; see logic-layer.ts.) For the same reason the file
// resolves packages with Node's export conditions (the docblock above), not jsdom's `browser` builds.
(globalThis as any).TextEncoder ??= require('util').TextEncoder;
(globalThis as any).TextDecoder ??= require('util').TextDecoder;
// jest's jsdom host has its own Uint8Array, so Node's Buffers (the font bytes) fail pdfkit's `instanceof Uint8Array`:
// the host uses Node's, as the cloud does in production (the realm keeps its own intrinsics).
(globalThis as any).Uint8Array = Object.getPrototypeOf(Buffer.prototype).constructor;

/**
 * pdfkit finds its own file (for its font data) through `document.baseURI` whenever a `document` exists; jsdom's is
 * the renderer's (http://localhost/), so the cloud's PDF libraries are loaded once under a <base> naming pdfkit's
 * real location, then the page is left as it was.
 */
function loadCloudPdfLibraries(): void {
  const base = document.createElement('base');
  base.href = pathToFileURL(require.resolve('pdfkit')).href;
  document.head.appendChild(base);
  try {
    require('pdfkit');
    require('qrcode');
  } finally {
    base.remove();
  }
}

/** 2025-09-26 10:00 Beijing: the 2025 round is open (cut-off 2025-10-01). */
const NOW = '2025-09-26T02:00:00.000Z';

interface PageCase {
  openid: string;
  /** Literal content the page shows for this persona on the seeded demo world (from the policy and the demo data). */
  shows: string[];
  hides?: string[];
}

const PAGES: Record<RouteName, PageCase> = {
  home: {
    openid: 'demo-applicant',
    shows: ['积分管理', '积分测算', '演示申请人', '330***********0010', '2025年10月1日'],
    hides: ['330106199503150010'],
  },
  calculator: {
    openid: 'demo-applicant',
    shows: ['估算积分', '出生日期', '社保缴纳月数', '2025年度（截止日2025年10月1日）'],
  },
  pathways: { openid: 'demo-applicant', shows: ['按2025年9月26日的政策逐条对照', '完全民事行为能力'] },
  guide: { openid: 'demo-applicant', shows: ['申请材料', '18至40周岁30分'] },
  register: { openid: 'someone-new', shows: ['身份证号码', '手机号码', '提交实名登记'] },
  applyForm: { openid: 'demo-applicant', shows: ['2025年度积分申请', '文化程度（教育审核）'] },
  applyProgress: { openid: 'demo-applicant', shows: ['暂无已提交的积分申请'] },
  objection: { openid: 'demo-applicant', shows: ['暂无已提交的积分申请，无需提出异议'] },
  certificate: { openid: 'demo-applicant', shows: ['尚未出具凭证', '积分核定满7个工作日后'] },
  certVerify: { openid: 'demo-applicant', shows: ['核验码核验', '查验凭证真伪'] },
  settle: { openid: 'demo-applicant', shows: ['2025年11月1日至2025年11月30日', '积分须达到100分'] },
  agent: {
    openid: 'demo-agent',
    shows: ['演示员工', '330***********0057', '单位委托为其申请'],
    hides: ['330106199211080057'],
  },
  reviewQueue: { openid: 'demo-reviewer-housing', shows: ['住保房管审核员', '待审核'] },
  reviewObjections: { openid: 'demo-district-office', shows: ['异议应在提出后15个工作日内答复'] },
  reviewRounds: { openid: 'demo-admin', shows: ['同分排序', '2025年11月1日至2025年11月30日'] },
  reviewCalendar: { openid: 'demo-admin', shows: ['国务院办公厅关于2020年部分节假日安排的通知'] },
  privacyPolicy: {
    openid: 'demo-applicant',
    shows: ['一、我们收集哪些信息', '四、保存多久', '第四十七条', '版本：2026年12月4日'],
  },
  myData: { openid: 'demo-applicant', shows: ['下载我的全部信息', '注销账号'] },
  messages: { openid: 'demo-applicant', shows: ['订阅消息', '还可接收：', '暂无消息。'] },
  // The roster pages (issue 12): demo-agent has no roster yet, only the entrusted demo employee.
  rosterImport: { openid: 'demo-agent', shows: ['选择名单文件并导入', '身份证号码列请设为“文本”格式'] },
  rosterAssess: { openid: 'demo-agent', shows: ['测算汇总（共0人）', '名单为空，请先导入员工名单。'] },
  rosterBoard: {
    openid: 'demo-agent',
    shows: ['演示员工', '未申请', '330***********0057', '为其填写2025年度积分申请'],
    hides: ['330106199211080057'],
  },
  // Charts are SVG drawn by the stats function (no canvas in the realm): each shows its title and summary in words.
  statsOverview: {
    openid: 'demo-admin',
    shows: ['2025年度概况', '2025年度积分申请（按受理周）', '异议答复（15个工作日时限）', '各部门暂无待审事项。'],
  },
  statsLine: { openid: 'demo-admin', shows: ['调整分数线', '将录取', '2025年度按分数线100分的录取情况'] },
  pointsHistory: { openid: 'demo-applicant', shows: ['我的积分变化'] },
  staffRoles: {
    openid: 'demo-admin',
    shows: ['授予角色', '查找人员', '现有工作人员', '系统初始账号（未实名登记）', '审核员（住保房管）', '操作记录'],
  },
};

function allRoutesOfTheBuild(): string[] {
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
  };
  return [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
}

/** Whether a node carrying `label` is a `<tag>` whose template binds that very slot to aria-label. */
function ariaLabelSlotOf(root: unknown, label: string, tag: string): boolean {
  const baseWxml = readFileSync(path.join(dist, 'base.wxml'), 'utf8');
  const find = (n: any): any => {
    if (!n || typeof n !== 'object') return null;
    if (Object.values(n).includes(label) && n.nn !== undefined) return n;
    for (const c of n.cn ?? []) {
      const hit = find(c);
      if (hit) return hit;
    }
    return null;
  };
  const node = find(root);
  if (!node) return false;
  const slot = Object.keys(node).find((k) => /^p\d+$/.test(k) && node[k] === label);
  const tmpl = baseWxml.slice(baseWxml.indexOf(`<template name="tmpl_0_${node.nn}">`)).split('</template>')[0]!;
  return tmpl.includes(`<${tag} `) && tmpl.includes(`aria-label="{{i.${slot}}}"`);
}

/** The SVG data URIs the page's data binds to the `src` of an <image> (Taro's template for that node). */
function svgImagesOf(root: unknown): string[] {
  const baseWxml = readFileSync(path.join(dist, 'base.wxml'), 'utf8');
  const out: string[] = [];
  const visit = (n: any) => {
    if (!n || typeof n !== 'object') return;
    for (const [k, v] of Object.entries(n)) {
      if (typeof v !== 'string' || !v.startsWith('data:image/svg+xml;base64,') || n.nn === undefined) continue;
      const tmpl = baseWxml.slice(baseWxml.indexOf(`<template name="tmpl_0_${n.nn}">`)).split('</template>')[0]!;
      if (tmpl.includes('<image ') && tmpl.includes(`src="{{i.${k}}}"`)) out.push(v);
    }
    for (const c of n.cn ?? []) visit(c);
  };
  visit(root);
  return out;
}

function localFiles(on: TestCloud): LocalFileStore {
  if (!(on.runtime.files instanceof LocalFileStore))
    throw new Error('the weapp page suite runs on the local file store');
  return on.runtime.files;
}

/** A real PNG (deterministic noise, ~20 KB): as base64 it would be ~27 KB, so a payload carrying it shows in sizes. */
const PHOTO = noisePng(20_000, 9);

const routeName = (route: string) => (Object.keys(ROUTES) as RouteName[]).find((name) => ROUTES[name] === route);

d('compiled weapp pages in a WeChat-shaped logic layer', () => {
  jest.setTimeout(60000);
  let cloud: TestCloud;
  const layers: LogicLayer[] = [];
  let warnSpy: jest.SpyInstance;

  beforeAll(async () => {
    // The official wxml compiler warns about Taro's unused recursive templates, with a code frame of the whole bundle.
    warnSpy = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      const message = String(args[0]);
      if (!/Template `[^`]+` not found/.test(message))
        process.stderr.write(`console.warn (weapp pages): ${message.slice(0, 300)}\n`);
    });
    loadCloudPdfLibraries();
    cloud = createTestCloud(NOW);
    await seedDemo(cloud.runtime);
  });
  afterAll(async () => {
    warnSpy.mockRestore();
    await cloud.close();
  });

  /** A logic layer on `on` (the suite's cloud unless a journey builds its own), its Date fixed at `now`. */
  function logicLayer(mode: FunctionMode, openid: string, opts: { on?: TestCloud; now?: string } = {}): LogicLayer {
    const target = () => opts.on ?? cloud;
    const layer = new LogicLayer({
      dist,
      functionMode: mode,
      now: opts.now ?? NOW,
      callFunction: (c) => target().call(c.openid, c.name, String(c.data.action), c.data),
      // Production storage keeps the bytes at the cloudPath files.prepareUpload chose; the local store does the same.
      uploadFile: ({ cloudPath, bytes }) => localFiles(target()).receiveUpload(cloudPath, bytes),
      downloadFile: async (url) =>
        (await localFiles(target()).openTemporaryUrl(url, target().runtime.now()))?.bytes ?? null,
    });
    layer.openid = openid;
    layers.push(layer);
    return layer;
  }

  describe.each<FunctionMode>(['returns-nothing', 'throws'])('Function %s', (mode) => {
    it('the realm is shaped like WeChat: no code generation, no browser globals', () => {
      const layer = logicLayer(mode, 'demo-applicant');
      expect(() => layer.evaluate('eval("1 + 1")')).toThrow(/eval/);
      if (mode === 'returns-nothing') {
        // The probe a library runs passes (no throw), and what it built is not a function.
        expect(layer.evaluate('typeof new Function("return 1")')).toBe('object');
        expect(layer.evaluate('typeof Function("return 1")')).toBe('undefined');
      } else {
        expect(() => layer.evaluate('new Function("return 1")')).toThrow(/not allowed/);
      }
      // Even the intrinsic constructor, reached through a function, may not compile code.
      expect(() => layer.evaluate('(function () {}).constructor("return 1")')).toThrow(
        /Code generation from strings disallowed/,
      );
      for (const name of BROWSER_GLOBALS) expect([name, layer.hasGlobal(name)]).toEqual([name, false]);
      expect(layer.evaluate('new Date().toISOString()')).toBe('2025-09-26T02:00:00.000Z');
    });

    it.each(allRoutesOfTheBuild())('%s loads and shows its content', async (route) => {
      const name = routeName(route);
      const expected: PageCase = name ? PAGES[name] : { openid: 'demo-applicant', shows: [] };
      const layer = logicLayer(mode, expected.openid);
      layer.launch();
      const page = await layer.open(route, (text) => expected.shows.every((s) => text.includes(s)) && text.length > 0);
      const text = page.text();
      for (const s of expected.shows) expect(text).toContain(s);
      for (const s of expected.hides ?? []) expect(text).not.toContain(s);
      // A page added to app.json without a line in PAGES must still render something.
      expect(text.trim().length).toBeGreaterThan(name ? 10 : 0);
      expect(layer.errors).toEqual([]);
      // Every button a screen reader meets has a name: its text (aria-label slots are checked in the register journey).
      const unnamed = [...page.comp.dom.querySelectorAll('wx-button')].filter((b: Element) => !b.textContent?.trim());
      expect(unnamed.map((b: Element) => b.outerHTML.slice(0, 200))).toEqual([]);
    });
  });

  it('covers every page of the route table', () => {
    const built = allRoutesOfTheBuild();
    for (const name of Object.keys(PAGES) as RouteName[]) expect(built).toContain(ROUTES[name]);
  });

  describe('journeys through the compiled pages (Function returns nothing)', () => {
    const mode: FunctionMode = 'returns-nothing';

    it('积分测算: the saved draft is scored, and typing the social-insurance months updates the total', async () => {
      const layer = logicLayer(mode, 'demo-applicant');
      // Age on the 2025 cut-off (2025年10月1日): 30 周岁 → 30 points (R2023 age rule: 18–40 周岁 30 分).
      layer.storage.set('hz.calculator.draft', { birthDate: '1995-06-01', socialInsuranceMonths: '48' });
      layer.launch();
      // 48 months × 0.5 = 24 points; 30 + 24 = 54.
      const page = await layer.open(ROUTES.calculator, (t) => t.includes('估算积分54分'));
      expect(page.text()).toContain('估算积分54分');
      expect(page.text()).toContain('1995年6月1日');
      const months = page.comp.dom.querySelector('.main--hz-field--socialInsuranceMonths wx-input');
      expect(months).toBeTruthy();
      layer.input(months, '60');
      // 60 months × 0.5 = 30 points; 30 + 30 = 60.
      expect(await layer.waitFor(() => page.text().includes('估算积分60分'))).toBe(true);
      // The calculator keeps its draft on the phone only: no cloud call carried the figures.
      expect(layer.calls.filter((c) => c.name !== 'accounts' && c.name !== 'rounds')).toEqual([]);
    });

    it('积分统计: the charts are <image>s of the SVG the stats function drew, with the title inside', async () => {
      const layer = logicLayer(mode, 'demo-admin');
      layer.launch();
      const page = await layer.open(`${ROUTES.statsOverview}?year=2025`, (t) =>
        t.includes('异议答复（15个工作日时限）'),
      );
      const images = svgImagesOf(page.page.data.root);
      expect(images).toHaveLength(5);
      // The SVG itself: decoded, it is the chart with its title in it.
      const svg = Buffer.from(images[0]!.split(',')[1]!, 'base64').toString('utf8');
      expect(svg).toMatch(/^<svg /);
      expect(svg).toContain('2025年度积分申请（按受理周）');
      expect(layer.errors).toEqual([]);
    });

    it('实名登记: a new user registers through the page; the account exists in the store', async () => {
      const layer = logicLayer(mode, 'weapp-new-user');
      layer.launch();
      const page = await layer.open(ROUTES.register, (t) => t.includes('提交实名登记'));
      const idNumber = idNumberFor('1990-02-03', 41);
      layer.input(page.comp.dom.querySelector('.main--hz-field--name wx-input'), '微信用户');
      layer.input(page.comp.dom.querySelector('.main--hz-field--idNumber wx-input'), idNumber);
      layer.input(page.comp.dom.querySelector('.main--hz-field--phone wx-input'), '13912345678');
      await layer.waitFor(() => false, 100);
      layer.tap(page.comp.dom.querySelector('.main--hz-consent .main--nut-checkbox'));
      await layer.waitFor(() => false, 100);
      const submit = [...page.comp.dom.querySelectorAll('wx-button')].find((b: Element) =>
        b.textContent?.includes('提交实名登记'),
      );
      layer.tap(submit as Element);
      // __usePrivacyCheck__: WeChat asks through onNeedPrivacyAuthorization; the page shows its pop-up; nothing is sent.
      expect(await layer.waitFor(() => page.text().includes('隐私保护提示'))).toBe(true);
      expect(layer.calls.some((c) => c.data.action === 'register')).toBe(false);
      // The agree button's aria-label reaches WeChat: the page data puts it in the slot the Button template reads
      // as aria-label (config/plugin-a11y.js + src/lib/weapp-a11y.ts; j-component does not render aria-* itself).
      expect(ariaLabelSlotOf(page.page.data.root, '同意并继续登记', 'button')).toBe(true);
      const agree =
        page.comp.dom.querySelector('#hz-privacy-agree') ??
        [...page.comp.dom.querySelectorAll('wx-button')].find((b: Element) => b.textContent?.includes('同意并继续'));
      layer.dispatch(agree as Element, 'agreeprivacyauthorization', {});
      expect(await layer.waitFor(() => layer.calls.some((c) => c.data.action === 'register'))).toBe(true);
      expect(layer.privacy.answers).toEqual([{ event: 'agree', buttonId: 'hz-privacy-agree' }]);
      const register = layer.calls.find((c) => c.data.action === 'register')!;
      expect(register.data).toMatchObject({
        name: '微信用户',
        idNumber,
        phone: '13912345678',
        privacyConsent: { agreed: true },
      });
      const me = await cloud.ok('weapp-new-user', 'accounts', 'me');
      expect(me.person).toMatchObject({ name: '微信用户', idNumber });
    });

    it('我的个人信息: a new user downloads their data as a file, then deletes the account after confirming', async () => {
      await cloud.ok('weapp-leaver', 'accounts', 'register', {
        name: '微信用户',
        idNumber: idNumberFor('1992-04-05', 42),
        phone: '13912345678',
        privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
      });
      const layer = logicLayer(mode, 'weapp-leaver');
      layer.launch();
      const page = await layer.open(ROUTES.myData, (t) => t.includes('下载我的全部信息'));
      const button = (label: string) =>
        [...page.comp.dom.querySelectorAll('wx-view')].find((b: Element) => b.textContent === label) as Element;
      layer.tap(button('下载我的全部信息'));
      expect(await layer.waitFor(() => layer.sharedFiles.length > 0)).toBe(true);
      // The export's Beijing date names the file; its content is the caller's own record.
      expect(layer.sharedFiles).toEqual(['wxfile://usr/hz-points-my-data-20250926.json']);
      const exported = JSON.parse(layer.files.get('wxfile://usr/hz-points-my-data-20250926.json')!);
      expect(exported.person).toMatchObject({ name: '微信用户', phone: '13912345678' });
      expect(exported.account).toMatchObject({ openid: 'weapp-leaver' });

      layer.modalAnswer = 'cancel';
      layer.tap(button('注销账号'));
      await layer.waitFor(() => layer.modals.length === 1);
      expect(String(layer.modals[0]!.content)).toContain('不可恢复');
      expect(layer.calls.some((c) => c.data.action === 'deleteAccount')).toBe(false);

      layer.modalAnswer = 'confirm';
      layer.tap(button('注销账号'));
      expect(await layer.waitFor(() => layer.navigations.includes('/pages/index/index'))).toBe(true);
      expect(layer.calls.filter((c) => c.data.action === 'deleteAccount').map((c) => c.data)).toEqual([
        { action: 'deleteAccount', confirm: true },
      ]);
      expect((await cloud.ok('weapp-leaver', 'accounts', 'me')).person).toBeNull();
    });

    it('审核: a housing reviewer opens the rental item of a submitted application and approves it through the page', async () => {
      // The application comes from real actions: demo-applicant claims 3 years of rental and submits.
      const draft = await cloud.ok('demo-applicant', 'applications', 'saveDraft', {
        year: 2025,
        claims: [{ indicator: 'rental', value: { rentalYears: 3 }, evidence: [] }],
      });
      await cloud.ok('demo-applicant', 'applications', 'submit', {
        applicationId: draft.application.applicationId,
        commitment: true,
        requestId: 'weapp-review-journey',
      });
      const layer = logicLayer(mode, 'demo-reviewer-housing');
      layer.launch();
      const page = await layer.open(ROUTES.reviewQueue, (t) => t.includes('合法租赁住房'));
      const text = page.text();
      expect(text).toContain('合法租赁住房');
      // The applicant's ID number is masked for the reviewer.
      expect(text).toContain('330***********0010');
      expect(text).not.toContain('330106199503150010');
      const buttonNamed = (label: string) =>
        [...page.comp.dom.querySelectorAll('wx-button')].find(
          (b: Element) => b.textContent?.trim() === label,
        ) as Element;
      layer.tap(buttonNamed('审核'));
      expect(await layer.waitFor(() => !!buttonNamed('审核通过'))).toBe(true);
      layer.tap(buttonNamed('审核通过'));
      expect(await layer.waitFor(() => layer.calls.some((c) => c.data.action === 'decide'))).toBe(true);
      const decide = layer.calls.find((c) => c.data.action === 'decide')!;
      expect(decide.data).toMatchObject({ decision: 'approved', acceptedValue: { rentalYears: 3 } });
      const item = await cloud.store.get<any>('items', String(decide.data.itemId));
      expect(item).toMatchObject({ indicator: 'rental', status: 'approved', acceptedValue: { rentalYears: 3 } });
    });

    it('代办: the employer agent chooses 为其申请 for the employee; the application page says whom they act for', async () => {
      const layer = logicLayer(mode, 'demo-agent');
      layer.launch();
      const agentPage = await layer.open(ROUTES.agent, (t) => t.includes('为其申请'));
      const forEmployee = [...agentPage.comp.dom.querySelectorAll('wx-button')].find(
        (b: Element) => b.textContent?.trim() === '为其申请',
      ) as Element;
      layer.tap(forEmployee);
      expect(await layer.waitFor(() => layer.navigations.some((u) => u.startsWith('/packages/apply/form/index')))).toBe(
        true,
      );
      // The navigation lands on the application form in the same app session.
      const form = await layer.open(ROUTES.applyForm, (t) => t.includes('演示员工'));
      expect(form.text()).toMatch(/正在代\s*演示员工\s*办理（单位委托代办）/);
      // What the form loads, it loads for the employee (onBehalfOf), not for the agent.
      const onBehalf = layer.calls.filter((c) => c.name === 'applications' && 'onBehalfOf' in c.data);
      expect(onBehalf.length).toBeGreaterThan(0);
      expect(onBehalf.every((c) => c.data.onBehalfOf === 'p-demo-employee')).toBe(true);
    });

    it('工作人员角色: the administrator finds a person by name and ID number, grants reviewer (housing), then revokes after confirming', async () => {
      const layer = logicLayer(mode, 'demo-admin');
      layer.launch();
      const page = await layer.open(ROUTES.staffRoles, (t) => t.includes('系统初始账号（未实名登记）'));
      const inputs = [...page.comp.dom.querySelectorAll('wx-input')] as Element[];
      layer.input(inputs[0]!, '演示申请人');
      layer.input(inputs[1]!, '330106199503150010');
      await layer.waitFor(() => false, 100);
      const buttonNamed = (label: string) =>
        [...page.comp.dom.querySelectorAll('wx-button')].find(
          (b: Element) => b.textContent?.trim() === label,
        ) as Element;
      layer.tap(buttonNamed('查找人员'));
      expect(await layer.waitFor(() => page.text().includes('无（普通申请人）'))).toBe(true);
      // The person is named by the registration's masked number; nothing on the page carries the number in clear.
      expect(page.text()).toContain('330***********0010');
      const radioNamed = (label: string) =>
        [...page.comp.dom.querySelectorAll('.main--nut-radio')].find(
          (b: Element) => b.textContent?.trim() === label,
        ) as Element;
      layer.tap(radioNamed('住保房管'));
      await layer.waitFor(() => false, 100);
      layer.tap(buttonNamed('授予角色'));
      expect(await layer.waitFor(() => page.text().includes('已为演示申请人授予审核员（住保房管）角色'))).toBe(true);
      expect(await cloud.ok('demo-applicant', 'accounts', 'me')).toMatchObject({
        roles: ['reviewer'],
        department: 'housing',
      });
      expect(layer.calls.some((c) => 'openid' in c.data)).toBe(false);

      // Revoking asks first: nothing is sent until 确认撤销.
      expect(await layer.waitFor(() => page.text().includes('演示申请人（330***********0010）'))).toBe(true);
      const revokeButtons = () =>
        [...page.comp.dom.querySelectorAll('wx-button')].filter(
          (b: Element) => b.textContent?.trim() === '撤销',
        ) as Element[];
      const before = revokeButtons().length;
      // Staff are listed administrators first, then the district office, then reviewers by department: the
      // applicant (housing) is found by the row's text.
      const row = [...page.comp.dom.querySelectorAll('.main--flows-item')].find((el: Element) =>
        el.textContent?.includes('演示申请人（330***********0010）'),
      ) as Element;
      layer.tap(
        [...row.querySelectorAll('wx-button')].find((b: Element) => b.textContent?.trim() === '撤销') as Element,
      );
      expect(
        await layer.waitFor(() =>
          page.text().includes('撤销后，演示申请人（330***********0010）将不能再审核本部门负责的积分指标'),
        ),
      ).toBe(true);
      expect(layer.calls.some((c) => c.data.action === 'revokeStaffRole')).toBe(false);
      layer.tap(
        buttonNamed('确认撤销') ??
          ([...page.comp.dom.querySelectorAll('wx-view')].find(
            (b: Element) => b.textContent?.trim() === '确认撤销',
          ) as Element),
      );
      expect(
        await layer.waitFor(() =>
          page.text().includes('已撤销演示申请人（330***********0010）的审核员（住保房管）角色'),
        ),
      ).toBe(true);
      expect(await layer.waitFor(() => revokeButtons().length === before - 1)).toBe(true);
      expect(await cloud.ok('demo-applicant', 'accounts', 'me')).toMatchObject({ roles: [], department: null });
    });

    it('我的个人信息: an applicant with a submitted application is told why the account cannot be deleted', async () => {
      const draft = await cloud.ok('demo-employee', 'applications', 'saveDraft', {
        year: 2025,
        claims: [{ indicator: 'rental', value: { rentalYears: 2 }, evidence: [] }],
      });
      await cloud.ok('demo-employee', 'applications', 'submit', {
        applicationId: draft.application.applicationId,
        commitment: true,
        requestId: 'weapp-delete-refused',
      });
      const layer = logicLayer(mode, 'demo-employee');
      layer.launch();
      const page = await layer.open(ROUTES.myData, (t) => t.includes('注销账号'));
      const del = [...page.comp.dom.querySelectorAll('wx-view')].find(
        (b: Element) => b.textContent === '注销账号',
      ) as Element;
      layer.tap(del);
      expect(await layer.waitFor(() => page.text().includes('您已提交过积分申请'))).toBe(true);
      expect(await cloud.store.get('accounts', 'demo-employee')).not.toBeNull();
    });

    it("积分申请: a new applicant claims rental through the form's steps, with a photo uploaded through cloud storage, and submits", async () => {
      const idNumber = idNumberFor('1993-07-08', 43);
      await cloud.ok('weapp-applicant', 'accounts', 'register', {
        name: '微信申请人',
        idNumber,
        phone: '13912345678',
        privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
      });
      const layer = logicLayer(mode, 'weapp-applicant');
      layer.launch();
      const page = await layer.open(ROUTES.applyForm, (t) => t.includes('选择要申报的指标'));
      const dom = page.comp.dom as Element;
      const buttonNamed = (label: string) =>
        [...dom.querySelectorAll('wx-button')].find((b) => b.textContent?.trim() === label) as Element;
      expect(page.text()).toContain('2025年度积分申请');

      // Step 1: choose 合法租赁住房.
      const rental = [...dom.querySelectorAll('.main--nut-checkbox')].find((c) =>
        c.textContent?.includes('合法租赁住房'),
      );
      expect(rental).toBeTruthy();
      layer.tap(rental as Element);
      await layer.waitFor(() => false, 100);
      layer.tap(buttonNamed('下一步'));
      expect(await layer.waitFor(() => page.text().includes('第1/1项：合法租赁住房'))).toBe(true);

      // Step 2: the years, then without evidence the form refuses to go on.
      const years = dom.querySelector('.main--flows-claim-fields wx-input');
      expect(years).toBeTruthy();
      layer.input(years as Element, '3');
      await layer.waitFor(() => false, 100);
      layer.tap(buttonNamed('下一步'));
      expect(await layer.waitFor(() => page.text().includes('请上传证明材料'))).toBe(true);

      // The photo from the album: prepareUpload → wx.cloud.uploadFile (the bytes to storage) → commitUpload.
      layer.pickable = [{ path: 'wxfile://tmp/rental-contract.png', bytes: PHOTO }];
      layer.tap(buttonNamed('从相册选择'));
      expect(await layer.waitFor(() => page.text().includes('已上传：图片1.png'), 6000)).toBe(true);
      expect(layer.uploadProgress).toEqual([50, 100]);
      const prepare = layer.calls.find((c) => c.data.action === 'prepareUpload')!;
      expect(prepare.data).toMatchObject({ purpose: 'evidence', kind: 'png', size: PHOTO.length });
      expect(layer.uploads).toHaveLength(1);
      expect(layer.uploads[0]).toMatchObject({
        filePath: 'wxfile://tmp/rental-contract.png',
        bytes: PHOTO.length,
        openid: 'weapp-applicant',
      });
      const commit = layer.calls.find((c) => c.data.action === 'commitUpload')!;
      expect(commit.data.fileID).toBe(layer.uploads[0]!.fileID);

      layer.tap(buttonNamed('下一步'));
      expect(await layer.waitFor(() => page.text().includes('个人承诺书'))).toBe(true);
      expect(page.text()).toContain('1份材料');
      const commitment = [...dom.querySelectorAll('.main--nut-checkbox')].find((c) =>
        c.textContent?.includes('个人承诺书'),
      );
      layer.tap(commitment as Element);
      await layer.waitFor(() => false, 100);
      layer.tap(buttonNamed('提交申请'));
      expect(await layer.waitFor(() => page.text().includes('申请已受理'))).toBe(true);
      // Accepted 2025年9月26日; the result 20 working days later: 9-28 (the Sunday worked) 9-29 9-30, the National Day
      // holiday 10-01…10-08 skipped, 10-09 10-10 10-11 (the Saturday worked), then 10-13…10-30 → 2025年10月30日.
      expect(page.text()).toContain('受理日期2025年9月26日');
      expect(page.text()).toContain('2025年10月30日起');

      // The stored application, read through the cloud as the applicant.
      const { applications } = await cloud.ok('weapp-applicant', 'applications', 'list', {});
      expect(applications).toHaveLength(1);
      expect(applications[0]).toMatchObject({
        year: 2025,
        status: 'reviewing',
        acceptedOn: '2025-09-26',
        resultDate: '2025-10-30',
      });
      const got = await cloud.ok('weapp-applicant', 'applications', 'get', {
        applicationId: applications[0].applicationId,
      });
      // The one claim the applicant made (the other items are the departments' own checks, e.g. age and vetoes).
      expect(applications[0].claims).toEqual([
        { indicator: 'rental', value: { rentalYears: 3 }, evidence: [expect.any(String)] },
      ]);
      const rentalItem = got.items.find((i: any) => i.indicator === 'rental');
      expect(rentalItem).toMatchObject({ claimed: { rentalYears: 3 }, evidence: applications[0].claims[0].evidence });
      const fileId = applications[0].claims[0].evidence[0];
      const stored = await cloud.store.get<any>('files', fileId);
      expect(stored).toMatchObject({ purpose: 'evidence', contentType: 'image/png', size: PHOTO.length });
      // The bytes in storage are the photo, byte for byte.
      expect((await cloud.runtime.files.get(stored.path))!.bytes.equals(PHOTO)).toBe(true);

      // No function call carried the file: every payload is small and none holds the photo's base64.
      const photoBase64 = PHOTO.toString('base64');
      expect(layer.calls.filter((c) => JSON.stringify(c.data).includes(photoBase64.slice(0, 200)))).toEqual([]);
      expect(Math.max(...layer.calls.map((c) => c.payloadBytes))).toBeLessThan(2048);
      expect(layer.errors).toEqual([]);
    });

    describe("after the result (each on a cloud of its own, its clock and the phone's moved together)", () => {
      let scored: TestCloud;
      let applicationId: string;
      beforeEach(async () => {
        // demo-applicant's 2025 application, submitted and approved item by item through the actions (the reviewer's
        // page is covered by its own journey), its result published on 2025年9月17日.
        scored = await seededCloud('2025-09-17T09:00:00');
        applicationId = (await scoredApplication(scored, DEMO_PERSON_IDS.applicant, 2025, '2025-09-17'))._id;
      });
      afterEach(() => scored.close());

      it('异议: the applicant files an objection on the rental points through the objection page', async () => {
        const at = bj('2025-09-19T10:00:00');
        scored.setNow(at);
        const layer = logicLayer(mode, 'demo-applicant', { on: scored, now: at });
        layer.launch();
        const page = await layer.open(`${ROUTES.objection}?applicationId=${applicationId}`, (t) =>
          t.includes('提交异议'),
        );
        const dom = page.comp.dom as Element;
        // The window: 7 working days after the result of 9-17 (9-18 9-19 9-22 9-23 9-24 9-25 9-26) → 2025年9月26日.
        expect(page.text()).toContain('可提出异议');
        expect(page.text()).toContain('2025年9月26日');
        const rental = [...dom.querySelectorAll('.main--nut-checkbox')].find((c) =>
          c.textContent?.includes('合法租赁住房'),
        );
        layer.tap(rental as Element);
        await layer.waitFor(() => false, 100);
        layer.input(dom.querySelector('wx-textarea') as Element, '租赁合同已续签，年限应为5年');
        await layer.waitFor(() => false, 100);
        const submit = [...dom.querySelectorAll('wx-button')].find(
          (b) => b.textContent?.trim() === '提交异议',
        ) as Element;
        layer.tap(submit);
        expect(await layer.waitFor(() => page.text().includes('异议信息'))).toBe(true);
        const text = page.text();
        expect(text).toContain('待答复');
        expect(text).toContain('提出日期2025年9月19日');
        // Answered within 15 working days of filing: 9-22…9-26 (5), 9-28 (the Sunday worked) 9-29 9-30 (8), the National
        // Day holiday 10-01…10-08 skipped, 10-09 10-10 10-11 (the Saturday worked) (11), 10-13…10-16 (15) → 2025年10月16日.
        expect(text).toContain('答复期限');
        expect(text).toContain('2025年10月16日');
        const file = layer.calls.find((c) => c.data.action === 'file')!;
        expect(file.data).toMatchObject({
          applicationId,
          indicators: ['rental'],
          reason: '租赁合同已续签，年限应为5年',
        });
        // The stored objection, read through the cloud.
        const got = await scored.ok('demo-applicant', 'applications', 'get', { applicationId });
        expect(got.objection).toMatchObject({
          indicators: ['rental'],
          reason: '租赁合同已续签，年限应为5年',
          status: 'open',
          filedOn: '2025-09-19',
          answerDeadline: '2025-10-16',
        });
        expect(layer.errors).toEqual([]);
      });

      it('凭证: the applicant issues the certificate on its page, finds it in the list and opens its PDF', async () => {
        // Printable 7 working days after the points are final (9-17): 2025年9月26日.
        const at = bj('2025-09-26T10:00:00');
        scored.setNow(at);
        const layer = logicLayer(mode, 'demo-applicant', { on: scored, now: at });
        layer.launch();
        const issuePage = await layer.open(`${ROUTES.certificate}?applicationId=${applicationId}`, (t) =>
          t.includes('出具积分有效凭证'),
        );
        layer.input(issuePage.comp.dom.querySelector('wx-input') as Element, '330106202300000001');
        await layer.waitFor(() => false, 100);
        const issue = [...issuePage.comp.dom.querySelectorAll('wx-button')].find(
          (b: Element) => b.textContent?.trim() === '出具积分有效凭证',
        ) as Element;
        layer.tap(issue);
        expect(await layer.waitFor(() => issuePage.text().includes('凭证编号'))).toBe(true);
        expect(layer.calls.find((c) => c.data.action === 'issue')!.data).toMatchObject({
          applicationId,
          residencePermitNo: '330106202300000001',
        });

        // The list (no application chosen; the mini-program opened again) shows the issued certificate.
        const again = logicLayer(mode, 'demo-applicant', { on: scored, now: at });
        again.launch();
        const list = await again.open(ROUTES.certificate, (t) => t.includes('凭证编号'));
        const text = list.text();
        const { certificates } = await scored.ok('demo-applicant', 'certificates', 'list', {});
        expect(certificates).toHaveLength(1);
        expect(text).toContain(`凭证编号${certificates[0].serial}`);
        expect(text).toContain('积分年度2025年度');
        // 148 points for the profile (bachelor with both certificates, 48 months of insurance, 4 years registered
        // and renting, age): the figure the certificates suite states from the policy for the same claims.
        expect(text).toContain('总积分148分');
        expect(text).toContain('出具日期2025年9月26日');
        expect(text).toContain('指标截止日2025年10月1日');
        // Masked for display: the full ID number is not on the page.
        expect(text).not.toContain('330106199503150010');

        // The PDF: however the page fetches it (base64 written to a file, or a temporary link downloaded), WeChat
        // opens a local file holding a PDF.
        const open = [...list.comp.dom.querySelectorAll('wx-button')].find((b: Element) =>
          b.textContent?.includes('打开PDF凭证'),
        ) as Element;
        again.tap(open);
        // Rendering the PDF (a CJK font subset) takes the cloud a few seconds on a shared machine.
        await again.waitFor(
          () => again.openedDocuments.length > 0 || /无法打开|系统繁忙|失败/.test(list.text()),
          30000,
        );
        expect(list.text()).not.toMatch(/无法打开|系统繁忙|失败/);
        expect(again.openedDocuments).toHaveLength(1);
        expect(again.openedDocuments[0]!.fileType).toBe('pdf');
        const pdf = again.tempFiles.get(again.openedDocuments[0]!.filePath)!;
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        // When the page fetches a link (certificates.download answering a temporary URL), it is the cloud's own
        // short-lived link, fetched once.
        expect(again.downloads.length).toBeLessThanOrEqual(1);
        for (const url of again.downloads) expect(url.startsWith('/api/files/download/')).toBe(true);
        expect(list.text()).not.toContain('无法打开PDF文件');
        expect(layer.errors).toEqual([]);
        expect(again.errors).toEqual([]);
      });
    });
  });
});
