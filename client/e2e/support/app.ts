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
    const storage: Record<string, unknown> = {
      'hz.persona': persona,
      'hz.elderMode': options.elder === true,
      ...options.storage,
    };
    // Only on the first document of this tab: later reloads keep what the app itself stored.
    await page.addInitScript(
      `if (!sessionStorage.getItem('e2e-init')) { ${taroStorageScript(storage)} sessionStorage.setItem('e2e-init', '1'); }`,
    );
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
export async function upload(
  page: Page,
  buttonLabel: string,
  file = { name: 'evidence.png', mimeType: 'image/png', buffer: TINY_PNG },
) {
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
    const file = path.join(
      dir,
      `${process.pid}-${failureShots}-${String(text)
        .replace(/[^\p{L}\p{N}]+/gu, '_')
        .slice(0, 40)}.png`,
    );
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

/**
 * Picks `values` (one per wheel, by the text it shows: '本科', or '1995年', '06月', '01日') in the picker opened by
 * the button whose name starts with `${title}：` (the calculator's selects and date field), then confirms (确定).
 * Each wheel is swiped as a finger would (real touch input through the browser), not set from a script: a wheel
 * that does not turn fails here as it would fail a person.
 */
export async function pick(page: Page, title: string, values: string[]): Promise<void> {
  await activate(
    page
      .getByRole('button', { name: new RegExp(`^${title}：`) })
      .filter({ visible: true })
      .first(),
  );
  const picker = page.locator('.nut-picker').filter({ visible: true }).last();
  await picker.locator('.nut-pickerview-list').first().waitFor({ state: 'visible' });
  for (const [column, value] of values.entries()) {
    const wheel = picker.locator('.nut-pickerview-list').nth(column);
    for (let swipes = 0; ; swipes += 1) {
      const at = await wheel.evaluate((el, wanted) => {
        const items = Array.from(el.querySelectorAll('.nut-pickerview-roller-item'));
        const spacing = parseFloat(getComputedStyle(el).getPropertyValue('--nutui-picker-item-height'));
        return {
          active: items.findIndex((i) => i.classList.contains('nut-pickerview-roller-item-active')),
          target: items.findIndex((i) => i.textContent?.trim() === wanted),
          spacing: spacing > 0 ? spacing : (items[0]?.getBoundingClientRect().height ?? 36),
        };
      }, value);
      if (at.target < 0) throw new Error(`${title}: the picker has no "${value}" in wheel ${column + 1}`);
      if (at.active === at.target) break;
      if (swipes === 4) throw new Error(`${title}: wheel ${column + 1} did not turn to "${value}" in 4 swipes`);
      await swipe(page, wheel, (at.active - at.target) * at.spacing);
    }
  }
  // nutui's picker takes the first 确认 after a swipe as "stop the wheel" (it still thinks the wheel is moving) and
  // stays open; a person taps again, and so does this.
  const confirm = page.locator('.nut-picker-confirm-btn').filter({ visible: true }).last();
  for (let taps = 1; ; taps += 1) {
    await activate(confirm);
    try {
      await page.locator('.nut-picker').filter({ visible: true }).first().waitFor({ state: 'detached', timeout: 2000 });
      return;
    } catch (err) {
      if (taps === 3)
        throw new Error(`${title}: the picker did not close after 3 taps on 确认: ${(err as Error).message}`);
    }
  }
}

/**
 * A vertical finger swipe of `dy` pixels on `target` (negative: upwards), slow enough (> 0.3 s) that the wheel
 * stops where the finger leaves it instead of coasting on.
 */
async function swipe(page: Page, target: Locator, dy: number): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('swipe: the wheel is not on screen');
  const x = box.x + box.width / 2;
  const y0 = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: string, y: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] } as never);
  await touch('touchStart', y0);
  const steps = 10;
  for (let i = 1; i <= steps; i += 1) {
    await touch('touchMove', y0 + (dy * i) / steps);
    await page.waitForTimeout(40);
  }
  await touch('touchEnd', y0 + dy);
  // The wheel snaps to the nearest item with a short transition, then reports its choice.
  await page.waitForTimeout(600);
  await cdp.detach();
}

/**
 * Picks the radio named `name` inside the radio group named `group` (when several groups offer 是 / 否). A chosen
 * button-shaped radio shows a ✓ before its text (the choice is not told by colour alone), which is in its name.
 */
export async function chooseIn(page: Page, group: string, name: string): Promise<void> {
  const radios = page.getByRole('radiogroup', { name: group, exact: true }).filter({ visible: true }).first();
  await activate(radios.getByRole('radio', { name: new RegExp(`^(✓ )?${name}$`) }).first());
}
