// Headless chromium on a phone viewport, with the flags that work on this machine (see shared/notes/PLATFORM.md).
import { mkdirSync, rmSync } from 'fs';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ARTIFACTS = path.resolve(__dirname, '../artifacts');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export const PHONE = { width: 390, height: 844 };

export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15000);
  return context;
}

/** Saves a full-page screenshot as artifacts/<flow>/<nn>-<name>.png (numbered so a flow reads in order). */
export function screenshotter(flow: string): (page: Page, name: string) => Promise<string> {
  const dir = path.join(ARTIFACTS, flow);
  // A fresh folder per run, so no screenshot of an earlier run is mistaken for this one.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (page, name) => {
    n += 1;
    const file = path.join(dir, `${String(n).padStart(2, '0')}-${name}.png`);
    await fullScreenshot(page, file);
    return file;
  };
}

/**
 * Taro's H5 pages scroll inside their own container, so `fullPage` alone captures one screen: the viewport is
 * stretched to the visible page's content height for the shot, then restored.
 */
export async function fullScreenshot(page: Page, file: string): Promise<void> {
  const size = page.viewportSize() ?? PHONE;
  const height = await page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
      (p) => p.offsetParent !== null || p.getClientRects().length > 0,
    );
    return Math.max(document.documentElement.scrollHeight, ...pages.map((p) => p.scrollHeight));
  });
  const tall = Math.min(Math.max(height, size.height), 6000);
  if (tall > size.height) await page.setViewportSize({ width: size.width, height: tall });
  await page.screenshot({ path: file, fullPage: true });
  if (tall > size.height) await page.setViewportSize(size);
}
