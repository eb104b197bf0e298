// The calculator (积分测算) filled in the way a person fills it: the birth date and the education level chosen on
// their picker wheels, yes/no tapped, months typed, years counted up with the stepper's + button. No stored draft is
// seeded, so a broken picker, radio or stepper fails the flow.
import type { Page } from 'playwright-core';
import { chooseIn, click, fill, pick } from './app';

/**
 * RULES.md's worked example on screen: born 1995-06-01 (30 years old in 2026), 本科 with both certificates, 4 years
 * registered, no home of one's own, renting 4 years, and — unless `withoutInsurance` — 48 months of insurance.
 * 30 + 50 + 20 + 24 = 124 without the insurance line; 48 months add 24 → 148.
 */
export async function enterWorkedExample(page: Page, options: { withoutInsurance?: boolean } = {}): Promise<void> {
  await pick(page, '出生日期', ['1995年', '06月', '01日']);
  await pick(page, '文化程度', ['本科']);
  await chooseIn(page, '学历和学位', '两证齐全');
  if (!options.withoutInsurance) await fill(page, '社保缴纳月数', '48');
  for (let year = 0; year < 4; year += 1) await click(page, '增加居住登记年数');
  await chooseIn(page, '是否有自购产权住房', '否');
  for (let year = 0; year < 4; year += 1) await click(page, '增加合法租赁年数');
}
