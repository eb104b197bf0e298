// One journey in one mode: every screen visited is checked with axe-core and photographed under
// artifacts/<journey>-<mode>/ (numbered, in the order visited), and what axe found is written to that folder's
// axe.json after every screen, so a journey that stops early still leaves what it found on the way.
import { writeFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { axeScreen, type AxeFinding } from './axe';
import { ARTIFACTS, screenshotter } from './browser';

/** The two modes every journey runs in: the standard app and 长辈版 (elder mode), as a second pass. */
export const MODES = [
  ['standard', false],
  ['elder', true],
] as const;

export type Mode = (typeof MODES)[number][0];

export interface Screens {
  /** axe-core on the visible screen, then its screenshot as `<nn>-<screen>.png`. */
  check(page: Page, screen: string): Promise<void>;
  /** Every critical/serious violation found so far, one line each (the journey asserts this is empty). */
  violations(): string[];
}

export function screens(journey: string, mode: Mode): Screens {
  const folder = `${journey}-${mode}`;
  const shot = screenshotter(folder);
  const findings: AxeFinding[] = [];
  return {
    async check(page, screen) {
      findings.push(...(await axeScreen(page, `${folder}/${screen}`)));
      writeFileSync(path.join(ARTIFACTS, folder, 'axe.json'), JSON.stringify(findings, null, 2));
      await shot(page, screen);
    },
    violations: () => findings.map((f) => `${f.screen}: ${f.impact} ${f.rule} ×${f.nodes} (${f.targets.join(' | ')})`),
  };
}

/** Waits until the page shows elder mode (长辈版) when it should, so the first check sees the mode's layout. */
export async function inMode(page: Page, elder: boolean): Promise<Page> {
  if (elder) await page.locator('.hz-page--elder').first().waitFor();
  return page;
}
