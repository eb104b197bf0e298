// Reviewers' decisions made the way a reviewer makes them: on the 审核队列 screen, per department. Items a department
// confirms from its own records go through the per-applicant one-action approval (with its confirmation dialog);
// every other item is opened and approved with the prefilled (declared) value. No decision is ever sent directly.
import type { Locator, Page } from 'playwright-core';
import { DEPARTMENT_CODES } from '@hz-points/shared';
import { App, seeText } from './app';

export const REVIEW_QUEUE = 'packages/review/queue/index';

const BATCH = '[aria-label^="一次审核通过"]';
/** The per-item "审核<indicator>" openers (not the panel's own 审核通过). */
const OPENER = '[aria-label^="审核"]:not([aria-label="审核通过"])';

function visible(page: Page, selector: string): Locator {
  return page.locator(selector).filter({ visible: true });
}

async function activate(target: Locator): Promise<void> {
  await target.waitFor({ state: 'visible' });
  await target.scrollIntoViewIfNeeded();
  await target.dispatchEvent('click');
}

/** Waits until the queue has answered (the loading line is gone). */
async function settled(page: Page): Promise<void> {
  await page
    .getByText('正在加载…')
    .filter({ visible: true })
    .first()
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
  await page
    .locator(`${OPENER}, :text("当前没有该状态的审核事项。")`)
    .filter({ visible: true })
    .first()
    .waitFor({ state: 'visible', timeout: 15000 });
}

/** Does `act` and waits for the queue the page asks for afterwards (a decision reloads it; so does a tab). */
async function thenQueueReloads(page: Page, act: () => Promise<void>): Promise<void> {
  const reloaded = page.waitForResponse(
    (r) => r.url().endsWith('/api/functions/review') && (r.request().postData() ?? '').includes('"action":"queue"'),
    { timeout: 15000 },
  );
  await act();
  await reloaded;
}

export interface ScreenReviewOptions {
  /** Indicator labels (as on the screen, e.g. '合法租赁住房') left undecided. */
  skipLabels?: string[];
  /** Called with each dialog's listed lines before confirming a one-action approval. */
  onBatchDialog?: (text: string) => void | Promise<void>;
  /** Open the queue in elder mode (长辈版). */
  elder?: boolean;
  /** A hook on the screens met on the way (axe and a screenshot): the queue, an opened item, the batch dialog. */
  check?: (page: Page, screen: string) => Promise<void>;
}

/** On an open queue page: approves everything under the current tab. Returns the number of items approved. */
export async function approveTabOnScreen(page: Page, options: ScreenReviewOptions = {}): Promise<number> {
  const skip = new Set((options.skipLabels ?? []).map((l) => `审核${l}`));
  let approved = 0;
  for (;;) {
    await settled(page);
    const batches = visible(page, BATCH);
    if ((await batches.count()) > 0) {
      const label = (await batches.first().getAttribute('aria-label')) ?? '';
      const count = Number(/^一次审核通过（(\d+)项）/.exec(label)?.[1] ?? '0');
      await activate(batches.first());
      const dialog = page.getByLabel('将记录的认定内容', { exact: true }).filter({ visible: true }).first();
      await dialog.waitFor({ state: 'visible' });
      await options.check?.(page, 'batch-approval-dialog');
      await options.onBatchDialog?.((await dialog.textContent()) ?? '');
      await thenQueueReloads(page, () => activate(visible(page, '.nut-dialog-footer-ok').first()));
      await seeText(page, `本部门记录核查事项${count}项已审核通过`);
      approved += count;
      continue;
    }
    const openers = visible(page, OPENER);
    const labels = await openers.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const next = labels.findIndex((l) => !skip.has(l));
    if (next < 0) return approved;
    await activate(openers.nth(next));
    if (approved === 0) await options.check?.(page, 'item-panel');
    await thenQueueReloads(page, () => activate(visible(page, '[aria-label="审核通过"]').first()));
    approved += 1;
  }
}

/** Opens the queue as `reviewer` and approves its pending, then its 审核中, items on screen. */
export async function approveQueueOnScreen(
  app: App,
  reviewer: string,
  options: ScreenReviewOptions = {},
): Promise<{ page: Page; approved: number }> {
  const page = await app.open(reviewer, REVIEW_QUEUE, { elder: options.elder });
  if (options.check) {
    await settled(page);
    await options.check(page, 'queue');
  }
  let approved = await approveTabOnScreen(page, options);
  await thenQueueReloads(page, () =>
    activate(page.locator('.nut-tabs-titles-item', { hasText: '审核中' }).filter({ visible: true }).first()),
  );
  approved += await approveTabOnScreen(page, options);
  return { page, approved };
}

/** Every department's reviewer approves their queue on screen. */
export async function approveAllOnScreen(app: App, options: ScreenReviewOptions = {}): Promise<number> {
  let n = 0;
  for (const dept of DEPARTMENT_CODES)
    n += (await approveQueueOnScreen(app, `demo-reviewer-${dept}`, options)).approved;
  return n;
}
