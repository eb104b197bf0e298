// "Fast on a cheap phone" (issue 10): the H5 app through the local cloud as a low-end phone on a slow mobile link
// sees it, and the sizes behind that. Prints `name: value unit (goal …)` lines; it measures, never fails on a goal.
//
//   - chromium (playwright-core) with 4× CPU slowdown (CDP Emulation.setCPUThrottlingRate) and 1.6 Mbps down /
//     750 kbps up / 150 ms latency (Network.emulateNetworkConditions: the "slow 4G" profile of mobile Lighthouse),
//     cold cache (a new context per load, and the browser cache cleared), phone viewport;
//   - per page: first-contentful-paint, and content visible: navigation start → the animation frame where a
//     selector showing real content is first laid out (home: the service entries; calculator: the total);
//   - H5 first-load JavaScript, gzipped: the entry chunks + the home page's chunk group, as scripts/first-load.mjs
//     defines it for the size report too (one definition, from the build's route-chunks.json), CSS listed apart;
//     and, for comparison, what the home page loads actually sent over the wire (brotli from the local cloud);
//   - the weapp main package: everything in client/dist/weapp outside the subpackage roots.
//
// Needs both builds (client/dist/h5, client/dist/weapp). Run:
//   npx tsx --tsconfig client/e2e/tsconfig.json client/e2e/cheap-phone.bench.ts      (RUNS=3 loads per page)
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from './support/browser';
import { startCloud } from './support/cloud';
import { WORKED_EXAMPLE_DRAFT } from './support/profiles';
import { firstLoad } from '../scripts/first-load.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const CLIENT = path.resolve(__dirname, '..');
const H5 = path.join(CLIENT, 'dist', 'h5');
const WEAPP = path.join(CLIENT, 'dist', 'weapp');

const GOALS = { contentVisibleMs: 2500, h5FirstLoadGzipKB: 150, weappMainKB: 450 };
const CPU_SLOWDOWN = 4;
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6e6 / 8) | 0,
  uploadThroughput: (750e3 / 8) | 0,
};

interface Target {
  name: string;
  route: string;
  /** Storage the page starts with (Taro wraps values as {"data": v}). */
  storage: Record<string, unknown>;
  /** Real content: visible, laid out, with text. */
  contentSelector: string;
  contentText: RegExp;
}

const TARGETS: Target[] = [
  {
    name: 'home',
    route: 'pages/index/index',
    storage: { 'hz.persona': 'demo-applicant' },
    // The service entries (积分测算, 我的申请, …) of the home page's 积分管理 card.
    contentSelector: '.hz-grid__label',
    contentText: /\S/,
  },
  {
    name: 'calculator',
    route: 'packages/assess/calculator/index',
    storage: { 'hz.persona': 'demo-applicant', 'hz.calculator.draft': WORKED_EXAMPLE_DRAFT },
    contentSelector: '[data-testid="total"]',
    contentText: /\d/,
  },
];

interface Sample {
  fcpMs: number;
  contentVisibleMs: number;
  scripts: string[];
  scriptBytesOnWire: number;
}

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

async function loadOnce(browser: Browser, baseUrl: string, target: Target): Promise<Sample> {
  const context = await phoneContext(browser);
  context.setDefaultTimeout(60000);
  try {
    const storage = Object.entries(target.storage)
      .map(([k, v]) => `localStorage.setItem(${JSON.stringify(k)}, ${JSON.stringify(JSON.stringify({ data: v }))});`)
      .join('');
    await context.addInitScript(storage);
    const page = await context.newPage();
    const cdp = await throttle(page);
    const scripts: string[] = [];
    let scriptBytesOnWire = 0;
    const scriptRequests = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', (e) => {
      const url = new URL(e.request.url);
      if (url.origin === baseUrl && url.pathname.endsWith('.js')) {
        scriptRequests.set(e.requestId, url.pathname);
        scripts.push(url.pathname);
      }
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (scriptRequests.has(e.requestId)) scriptBytesOnWire += e.encodedDataLength;
    });

    await page.goto(`${baseUrl}/#/${target.route}`, { waitUntil: 'commit' });
    const visible = await page.waitForFunction(
      ({ selector, text }) => {
        const re = new RegExp(text);
        const shown = Array.from(document.querySelectorAll<HTMLElement>(selector)).some((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && re.test(el.textContent ?? '');
        });
        return shown ? performance.now() : false;
      },
      { selector: target.contentSelector, text: target.contentText.source },
      { polling: 'raf', timeout: 60000 },
    );
    const contentVisibleMs = (await visible.jsonValue()) as number;
    const fcpMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const existing = performance.getEntriesByName('first-contentful-paint')[0];
          if (existing) return resolve(existing.startTime);
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    // Let late chunks of the first load finish before counting them.
    await page.waitForLoadState('networkidle');
    return { fcpMs, contentVisibleMs, scripts: [...new Set(scripts)], scriptBytesOnWire };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const verdict = (value: number, goal: number) => (value <= goal ? 'meets goal' : 'over goal');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Main package bytes as client/scripts/size.mjs counts them (no licence texts or maps; subpackage roots excluded). */
function weappMainPackageBytes(): number | null {
  const appJson = path.join(WEAPP, 'app.json');
  if (!existsSync(appJson)) return null;
  const app = JSON.parse(readFileSync(appJson, 'utf8'));
  const roots: string[] = (app.subPackages ?? app.subpackages ?? []).map((s: { root: string }) =>
    s.root.replace(/\/$/, ''),
  );
  let main = 0;
  for (const file of filesUnder(WEAPP)) {
    if (file.endsWith('.LICENSE.txt') || file.endsWith('.map')) continue;
    const rel = path.relative(WEAPP, file).split(path.sep).join('/');
    if (!roots.some((r) => rel.startsWith(`${r}/`))) main += statSync(file).size;
  }
  return main;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(H5, 'index.html')))
    throw new Error('client/dist/h5 is missing: build the H5 app first (npx taro build --type h5 in client/)');
  const cloud = await startCloud({ now: '2026-03-02T09:30:00+08:00' });
  const browser = await launchBrowser();
  let homeScripts: string[] = [];
  let homeWire = 0;
  try {
    console.log(
      `conditions: ${CPU_SLOWDOWN}x CPU slowdown, 1.6 Mbps down / 750 kbps up / 150 ms latency, cold cache, ${RUNS} loads per page (median)`,
    );
    // One unthrottled load first: the local cloud's own warm-up (data folder, file cache) is not the phone's time.
    await loadOnce(browser, cloud.url, TARGETS[0]!).catch(() => undefined);
    for (const target of TARGETS) {
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i += 1) samples.push(await loadOnce(browser, cloud.url, target));
      const fcp = median(samples.map((s) => s.fcpMs));
      const visible = median(samples.map((s) => s.contentVisibleMs));
      console.log(
        `${target.name}-runs-content-visible: ${samples.map((s) => Math.round(s.contentVisibleMs)).join(', ')} ms`,
      );
      console.log(`${target.name}-first-contentful-paint: ${Math.round(fcp)} ms`);
      console.log(
        `${target.name}-content-visible: ${Math.round(visible)} ms (goal ≤ ${GOALS.contentVisibleMs} ms: ${verdict(visible, GOALS.contentVisibleMs)})`,
      );
      if (target.name === 'home') {
        homeScripts = samples[0]!.scripts;
        homeWire = samples[0]!.scriptBytesOnWire;
      }
    }
  } finally {
    await browser.close();
    await cloud.stop();
  }

  const load = firstLoad(H5);
  if (!load) {
    console.log('h5-first-load-js-gzip: (client/dist/h5/route-chunks.json missing: rebuild the H5 app)');
  } else {
    console.log(`h5-first-load-js-files: ${load.js.files.length} files (entry chunks + the home page's chunk group)`);
    console.log(
      `h5-first-load-js-gzip: ${kb(load.js.gzip)} KB (goal ≤ ${GOALS.h5FirstLoadGzipKB} KB: ${verdict(load.js.gzip / 1024, GOALS.h5FirstLoadGzipKB)})`,
    );
    console.log(`h5-first-load-css-gzip: ${kb(load.css.gzip)} KB (${load.css.files.length} files)`);
    console.log(`h5-repeated-stylesheets: ${load.repeatedStylesheets.length}`);
  }
  console.log(
    `h5-home-scripts-on-wire: ${kb(homeWire)} KB in ${homeScripts.length} files (a home page load, as the local cloud sent it, headers included)`,
  );
  const weappMain = weappMainPackageBytes();
  if (weappMain === null) console.log('weapp-main-package: (client/dist/weapp missing: build the mini-program first)');
  else
    console.log(
      `weapp-main-package: ${kb(weappMain)} KB (goal ≤ ${GOALS.weappMainKB} KB: ${verdict(weappMain / 1024, GOALS.weappMainKB)})`,
    );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
