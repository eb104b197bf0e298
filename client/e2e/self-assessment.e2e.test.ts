// Self-assessment (积分测算): the calculator's total for a known profile — RULES.md's worked example (30 years
// old, 本科 with degree, 4 years of insurance, 4 years registered, renting 4 years → 148), entered on screen (dates
// and levels on their picker wheels, nothing seeded), then one field changed. Standard and elder mode (长辈版) each
// run against a cloud of their own; axe-core runs on every screen, screenshots and axe.json under
// artifacts/self-assessment-<mode>/.
import type { Page } from 'playwright-core';
import { fill } from './support/app';
import { enterWorkedExample } from './support/calculator-screens';
import { browserFlow } from './support/flow';
import { MODES, inMode, screens } from './support/journey';

const CALCULATOR = 'packages/assess/calculator/index';

/** Waits until the calculator's total reads `points`, then returns what it reads. */
async function totalOnScreen(page: Page, points: string): Promise<string | undefined> {
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="total"]')?.textContent?.trim() === want,
    points,
  );
  return (await page.getByTestId('total').first().textContent())?.trim();
}

describe.each(MODES)('the calculator in %s mode', (mode, elder) => {
  const flow = browserFlow({ now: '2026-03-02T09:00:00+08:00' });
  const { check, violations } = screens('self-assessment', mode);

  test('the calculator shows 148 for the worked example and follows a typed change', async () => {
    const page = await inMode(await flow.app.open('demo-applicant', CALCULATOR, { elder }), elder);
    await enterWorkedExample(page);
    expect(await totalOnScreen(page, '148')).toBe('148');
    await check(page, 'worked-example-148');

    // 60 months of insurance: +6 points (0.5 per month), as typed by a person.
    await fill(page, '社保缴纳月数', '60');
    expect(await totalOnScreen(page, '154')).toBe('154');
    await check(page, 'insurance-60-months-154');

    // ---- axe-core: no critical or serious violation on the calculator ----
    expect(violations()).toEqual([]);
  });
});
