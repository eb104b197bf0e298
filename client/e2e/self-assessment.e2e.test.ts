// Self-assessment (积分测算): the calculator's total for a known profile — RULES.md's worked example (30 years
// old, 本科 with degree, 4 years of insurance, 4 years registered, renting 4 years → 148), entered on screen (dates
// and levels on their picker wheels, nothing seeded), then one field changed.
import { fill } from './support/app';
import { screenshotter } from './support/browser';
import { enterWorkedExample } from './support/calculator-screens';
import { browserFlow } from './support/flow';

const CALCULATOR = 'packages/assess/calculator/index';

const flow = browserFlow({ now: '2026-03-02T09:00:00+08:00' });
const shot = screenshotter('self-assessment');

test('the calculator shows 148 for the worked example and follows a typed change', async () => {
  const page = await flow.app.open('demo-applicant', CALCULATOR);
  await enterWorkedExample(page);
  const total = page.getByTestId('total').first();
  await page.waitForFunction(() => document.querySelector('[data-testid="total"]')?.textContent?.trim() === '148');
  expect((await total.textContent())?.trim()).toBe('148');
  await shot(page, 'worked-example-148');

  // 60 months of insurance: +6 points (0.5 per month), as typed by a person.
  await fill(page, '社保缴纳月数', '60');
  await page.waitForFunction(() => document.querySelector('[data-testid="total"]')?.textContent?.trim() === '154');
  expect((await total.textContent())?.trim()).toBe('154');
  await shot(page, 'insurance-60-months-154');

  const elder = await flow.app.open('demo-applicant', CALCULATOR, { elder: true });
  await elder.locator('.hz-page--elder').first().waitFor();
  await enterWorkedExample(elder);
  await elder.waitForFunction(() => document.querySelector('[data-testid="total"]')?.textContent?.trim() === '148');
  expect((await elder.getByTestId('total').first().textContent())?.trim()).toBe('148');
  await shot(elder, 'elder-mode');
});
