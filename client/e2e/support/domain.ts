// Steps of other actors, so a browser flow can focus on the persona it is about: reviewers' decisions on their
// screens (an applicant's own submission is on screen too: ./applicant-screens.ts), never as direct calls.
import { INDICATORS } from '@hz-points/shared';
import type { LocalCloud } from './cloud';
import { App } from './app';
import { launchBrowser } from './browser';
import { approveAllOnScreen } from './review-screens';

/**
 * Every department's reviewer approves every pending/审核中 item of their queue on the 审核队列 screen (a browser of
 * its own), leaving `skip` indicators undecided. Returns the number approved.
 */
export async function approveAll(cloud: LocalCloud, skip: string[] = []): Promise<number> {
  const browser = await launchBrowser();
  const app = new App(browser, cloud.url);
  try {
    return await approveAllOnScreen(app, {
      skipLabels: skip.map((code) => (INDICATORS as Record<string, { label: string }>)[code]?.label ?? code),
    });
  } finally {
    await app.close();
    await browser.close();
  }
}

/** 09:30 Beijing on a date: working hours, well inside the day. */
export const at = (date: string) => `${date}T09:30:00+08:00`;
