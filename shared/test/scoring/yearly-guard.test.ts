// Yearly guard (UsTaxes style): the rule data says up to which round it was checked. When a new round's year
// begins, this test fails on purpose until someone checks that year's notice and moves RULES_REVIEWED_THROUGH
// (and adds dated versions if anything changed). The package never reads the clock; this test may.
import { RULES_REVIEWED_THROUGH, scorePoints } from '../../src/scoring';

test('the rule data has been reviewed for the current year’s round', () => {
  // Beijing date of now (UTC+8), as in CONTRACTS.md.
  const beijingYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  const reviewedYear = Number(RULES_REVIEWED_THROUGH.slice(0, 4));
  if (reviewedYear < beijingYear) {
    throw new Error(
      `规则数据只核对到 ${RULES_REVIEWED_THROUGH}：请核对 ${beijingYear} 年度的积分政策通知，更新 shared/src/scoring/rules.ts 后再调整 RULES_REVIEWED_THROUGH。`,
    );
  }
  expect(reviewedYear).toBeGreaterThanOrEqual(beijingYear);
});

test('a round after the reviewed one is scored with a warning, not silently', () => {
  const next = `${Number(RULES_REVIEWED_THROUGH.slice(0, 4)) + 1}-10-01`;
  const result = scorePoints({ birthDate: '1990-01-01' }, { cutoffDate: next });
  expect(result.warnings.map((w) => w.code)).toContain('RULES_NOT_REVIEWED');
});
