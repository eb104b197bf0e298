// Driving the H5 app like a person: open a page as a demo persona (the persona switcher's stored choice is set
// before the app loads), click and type through accessible labels, upload evidence through the file chooser.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { phoneContext } from './browser';

/** A 1×1 PNG: real magic bytes, so the upload action accepts it as an image. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Taro H5 storage wraps values as {"data": value} (Taro.setStorageSync). */
function taroStorageScript(entries: Record<string, unknown>): string {
  return Object.entries(entries)
    .map(([k, v]) => `localStorage.setItem(${JSON.stringify(k)}, ${JSON.stringify(JSON.stringify({ data: v }))});`)
    .join('\n');
}

export interface OpenOptions {
  elder?: boolean;
  /** More Taro storage entries to set before the app starts (e.g. a calculator draft). */
  storage?: Record<string, unknown>;
}

/**
 * Each `open` is its own browser context (its own localStorage), as if each persona used their own phone: the
 * persona choice lives in localStorage, so two personas must never share one.
 */
export class App {
  private readonly contexts: BrowserContext[] = [];

  constructor(
    readonly browser: Browser,
    readonly baseUrl: string,
  ) {}

  /** A new phone as `persona` on `route` (e.g. 'packages/apply/form/index'). */
  async open(persona: string, route: string, options: OpenOptions = {}): Promise<Page> {
    const context = await phoneContext(this.browser);
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => console.warn(`[page error] ${err.message}`));
    const storage: Record<string, unknown> = { 'hz.persona': persona, 'hz.elderMode': options.elder === true, ...options.storage };
    // Only on the first document of this tab: later reloads keep what the app itself stored.
    await page.addInitScript(`if (!sessionStorage.getItem('e2e-init')) { ${taroStorageScript(storage)} sessionStorage.setItem('e2e-init', '1'); }`);
    await page.goto(`${this.baseUrl}/#/${route}`);
    return page;
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((c) => c.close()));
  }
}

export function byLabel(page: Page, label: string): Locator {
  return page.locator(`[aria-label="${label}"]`).first();
}

export async function click(page: Page, label: string): Promise<void> {
  await byLabel(page, label).click();
}

/** Types into the input / textarea inside (or labelled) `label`. */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = page
    .locator(`input[aria-label="${label}"], textarea[aria-label="${label}"], [aria-label="${label}"] input, [aria-label="${label}"] textarea`)
    .first();
  await field.fill(value);
}

/** Clicks the button with this accessible label and hands `file` to the file chooser it opens. */
export async function upload(page: Page, buttonLabel: string, file = { name: 'evidence.png', mimeType: 'image/png', buffer: TINY_PNG }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, buttonLabel)]);
  await chooser.setFiles(file);
  await page.getByText(`已上传：${file.name}`).first().waitFor();
}

export async function seeText(page: Page, text: string | RegExp, timeout = 15000): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout });
}
