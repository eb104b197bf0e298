// Self-assessment (积分测算): the calculator's total for a known profile — RULES.md's worked example (30 years
// old, 本科 with degree, 4 years of insurance, 4 years registered, renting 4 years → 148), then one field typed.
import { fill } from './support/app';
import { screenshotter } from './support/browser';
import { browserFlow } from './support/flow';
import { WORKED_EXAMPLE_DRAFT } from './support/profiles';

const CALCULATOR = 'packages/assess/calculator/index';

const flow = browserFlow({ now: '2026-03-02T09:00:00+08:00' });
const shot = screenshotter('self-assessment');

test('the calculator shows 148 for the worked example and follows a typed change', async () => {
  const page = await flow.app.open('demo-applicant', CALCULATOR, { storage: { 'hz.calculator.draft': WORKED_EXAMPLE_DRAFT } });
  const total = page.getByTestId('total').first();
  await total.waitFor();
  expect((await total.textContent())?.trim()).toBe('148');
  await shot(page, 'worked-example-148');

  // 60 months of insurance: +6 points (0.5 per month), as typed by a person.
  await fill(page, '社保缴纳月数', '60');
  await page.waitForFunction(() => document.querySelector('[data-testid="total"]')?.textContent?.trim() === '154');
  expect((await total.textContent())?.trim()).toBe('154');
  await shot(page, 'insurance-60-months-154');

  const elder = await flow.app.open('demo-applicant', CALCULATOR, { elder: true, storage: { 'hz.calculator.draft': WORKED_EXAMPLE_DRAFT } });
  await elder.getByTestId('total').first().waitFor();
  expect((await elder.getByTestId('total').first().textContent())?.trim()).toBe('148');
  await shot(elder, 'elder-mode');
});
