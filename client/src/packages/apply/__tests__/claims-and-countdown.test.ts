// Form values → claim values through the shared schemas (Chinese messages), and working-day countdowns that say
// so when a year's holiday calendar is unknown instead of guessing Monday–Friday.
import { beijingStartOfDay, claimValueSchema, coveredCalendarYears } from '@hz-points/shared';
import { toClaimValue } from '../common/claims';
import { countdown, describeCountdown } from '../common/workdays';

test('a claim is converted and validated with the rules package schema', () => {
  const ok = toClaimValue('socialInsurance', { socialInsuranceMonths: '48' });
  expect(ok).toEqual({ ok: true, value: { socialInsuranceMonths: 48 } });
  expect(claimValueSchema('socialInsurance').safeParse((ok as { value: unknown }).value).success).toBe(true);

  const negative = toClaimValue('socialInsurance', { socialInsuranceMonths: '-3' });
  expect(negative.ok).toBe(false);
  expect((negative as { message: string }).message).toMatch(/社保缴纳月数不能为负数/);

  const empty = toClaimValue('rental', { rentalYears: '' });
  expect(empty).toEqual({ ok: false, message: '合法租赁年数：请填写' });
});

test('a deadline in a year without a known holiday calendar is reported, not guessed', () => {
  const unknownYear = Math.max(...coveredCalendarYears()) + 1;
  const now = beijingStartOfDay(`${unknownYear - 1}-12-30`);
  const c = countdown(`${unknownYear}-01-15`, now);
  expect(c.kind).toBe('unknown-calendar');
  expect(describeCountdown(c)).toContain('节假日安排尚未公布');
});

test('a passed deadline is closed, in words', () => {
  const c = countdown('2026-03-30', beijingStartOfDay('2026-03-31'));
  expect(c).toEqual({ kind: 'closed', lastDay: '2026-03-30' });
  expect(describeCountdown(c)).toBe('已于2026年3月30日截止');
});
