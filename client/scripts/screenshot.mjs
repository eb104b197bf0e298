// Screenshots of the H5 build in headless chromium on a phone viewport, optionally with a saved calculator draft
// and elder mode. Usage: node scripts/screenshot.mjs <url> <out.png> [--draft=json] [--elder] [--full]
import { chromium } from 'playwright-core';

const [url, out, ...flags] = process.argv.slice(2);
const opt = Object.fromEntries(
  flags.map((f) => {
    const [k, v] = f.replace(/^--/, '').split('=');
    return [k, v ?? true];
  }),
);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(url);
await page.evaluate(
  ({ draft, elder }) => {
    // Taro H5 storage wraps values as {"data": value}.
    if (draft) localStorage.setItem('hz.calculator.draft', JSON.stringify({ data: JSON.parse(draft) }));
    if (elder) localStorage.setItem('hz.elderMode', JSON.stringify({ data: true }));
  },
  { draft: opt.draft, elder: !!opt.elder },
);
await page.reload();
await page.waitForTimeout(Number(opt.wait ?? 1500));
if (opt.scroll)
  await page.evaluate((y) => {
    for (const el of [document.scrollingElement, ...document.querySelectorAll('.taro_page, .taro_router, #app')])
      if (el) el.scrollTop = Number(y);
    window.scrollTo(0, Number(y));
  }, opt.scroll);
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: !!opt.full });
await browser.close();
console.log(`screenshot: ${out}`);
