// Time to first render of the calculator in chromium: navigation start → the total visible, for a saved profile
// (the RULES.md worked example). Uses the existing H5 build (run `npx taro build --type h5` in client/ first) and
// its own local cloud. Prints `calculator_first_render_ms: N` (median of RUNS cold loads, each in a new context).
// Run: npx tsx --tsconfig client/e2e/tsconfig.json client/e2e/first-render.bench.ts
import { existsSync } from 'fs';
import path from 'path';
import { launchBrowser, phoneContext } from './support/browser';
import { startCloud } from './support/cloud';
import { WORKED_EXAMPLE_DRAFT } from './support/profiles';

const RUNS = Number(process.env.RUNS ?? 5);

async function main(): Promise<void> {
  if (!existsSync(path.resolve(__dirname, '../dist/h5/index.html'))) {
    throw new Error('client/dist/h5 is missing: build the H5 app first (npx taro build --type h5 in client/)');
  }
  const cloud = await startCloud({ now: '2026-03-02T09:30:00+08:00' });
  const browser = await launchBrowser();
  const samples: number[] = [];
  try {
    for (let i = 0; i < RUNS + 1; i += 1) {
      const context = await phoneContext(browser);
      await context.addInitScript(
        `localStorage.setItem('hz.persona', ${JSON.stringify(JSON.stringify({ data: 'demo-applicant' }))});` +
          `localStorage.setItem('hz.calculator.draft', ${JSON.stringify(JSON.stringify({ data: WORKED_EXAMPLE_DRAFT }))});`,
      );
      const page = await context.newPage();
      await page.goto(`${cloud.url}/#/packages/assess/calculator/index`, { waitUntil: 'commit' });
      // Measured inside the page, on the animation frame where the total is first visible, from navigation start.
      const handle = await page.waitForFunction(
        () => {
          const el = document.querySelector('[data-testid="total"]');
          const visible = !!el && el.getBoundingClientRect().height > 0 && /\d/.test(el.textContent ?? '');
          return visible ? performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 30000 },
      );
      const ms = (await handle.jsonValue()) as number;
      if (i > 0) samples.push(ms); // the first load warms the server's file cache
      await context.close();
    }
  } finally {
    await browser.close();
    await cloud.stop();
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(`runs: ${samples.map((s) => Math.round(s)).join(', ')}`);
  console.log(`calculator_first_render_ms: ${Math.round(median)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
