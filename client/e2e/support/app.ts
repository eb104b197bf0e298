// Driving the H5 app like a person: open a page as a demo persona (the persona switcher's stored choice is set
// before the app loads), click and type through accessible names (getByLabel / getByRole), upload evidence through the file chooser.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { mkdirSync } from 'fs';
import path from 'path';
import { ARTIFACTS, fullScreenshot, phoneContext } from './browser';

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

/**
 * Taro's H5 router keeps earlier pages of the stack in the DOM (hidden), so every lookup keeps visible elements
 * only: the same label on a page underneath must never be the one clicked or read.
 */
export function byLabel(page: Page, label: string): Locator {
  return page.getByLabel(label, { exact: true }).filter({ visible: true }).first();
}

/**
 * Activates the element labelled `label`. A dispatched click, not a mouse click at coordinates: Taro's H5 page
 * scrolls inside its own container, and a coordinate click after scrolling was seen landing on a neighbour.
 */
export async function click(page: Page, label: string): Promise<void> {
  await activate(byLabel(page, label));
}

async function activate(target: Locator): Promise<void> {
  await target.waitFor({ state: 'visible' });
  await target.scrollIntoViewIfNeeded();
  await target.dispatchEvent('click');
}

/** Types into the field (input or textarea, text or number) whose accessible name is `label`. */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = page.locator('input, textarea').and(page.getByLabel(label, { exact: true }));
  await field.filter({ visible: true }).first().fill(value);
}

/** Ticks (or unticks) the checkbox whose accessible name is `label`. */
export async function tick(page: Page, label: string): Promise<void> {
  await activate(page.getByRole('checkbox', { name: label, exact: true }).filter({ visible: true }).first());
}

/** Clicks the button with this accessible label and hands `file` to the file chooser it opens. */
export async function upload(page: Page, buttonLabel: string, file = { name: 'evidence.png', mimeType: 'image/png', buffer: TINY_PNG }) {
  // A real mouse click here: the browser opens a file chooser only on a trusted user gesture.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), byLabel(page, buttonLabel).click()]);
  await chooser.setFiles(file);
  await page.getByText(`已上传：${file.name}`).first().waitFor();
}

/** Failure screenshots of this run, numbered (not named by the wall clock, which a test run may fake). */
let failureShots = 0;

/** Waits for `text`; on failure saves the page as artifacts/failures/*.png so the reason can be seen. */
export async function seeText(page: Page, text: string | RegExp, timeout = 15000): Promise<void> {
  try {
    await page.getByText(text).filter({ visible: true }).first().waitFor({ state: 'visible', timeout });
  } catch (err) {
    const dir = path.join(ARTIFACTS, 'failures');
    mkdirSync(dir, { recursive: true });
    failureShots += 1;
    const file = path.join(dir, `${process.pid}-${failureShots}-${String(text).replace(/[^\p{L}\p{N}]+/gu, '_').slice(0, 40)}.png`);
    await fullScreenshot(page, file).catch(() => undefined);
    throw new Error(`"${String(text)}" not visible (screenshot: ${file}): ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Picks the radio whose accessible name is `name` (its visible text). */
export async function choose(page: Page, name: string): Promise<void> {
  await activate(page.getByRole('radio', { name, exact: true }).filter({ visible: true }).first());
}

/** Presses the nutui button showing `text` (the button element, not its inner text, takes the click). */
export async function press(page: Page, text: string): Promise<void> {
  await activate(page.locator('taro-button-core, button', { hasText: text }).filter({ visible: true }).first());
}
