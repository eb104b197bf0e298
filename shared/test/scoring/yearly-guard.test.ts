// What the rule data says about its own review, without the wall clock. The old test here failed on purpose when
// the Beijing year passed RULES_REVIEWED_THROUGH, i.e. for everyone from a date, whatever the code; the product
// itself already says it, per round: a round after the reviewed one is scored with a RULES_NOT_REVIEWED warning.
// Moving RULES_REVIEWED_THROUGH (after checking the next yearly notice) changes the literals below on purpose.
import { RULES_REVIEWED_THROUGH, scorePoints } from '../../src/scoring';

test('the rule data was last reviewed for the 2026 round (cut-off 2026-10-01)', () => {
  expect(RULES_REVIEWED_THROUGH).toBe('2026-10-01');
});

test('the reviewed round itself (cut-off 2026-10-01) is scored without the warning', () => {
  const result = scorePoints({ birthDate: '1990-01-01' }, { cutoffDate: '2026-10-01' });
  expect(result.warnings.map((w) => w.code)).not.toContain('RULES_NOT_REVIEWED');
});

test('a round after the reviewed one (cut-off 2027-10-01) is scored with a warning, not silently', () => {
  const result = scorePoints({ birthDate: '1990-01-01' }, { cutoffDate: '2027-10-01' });
  const warning = result.warnings.find((w) => w.code === 'RULES_NOT_REVIEWED');
  expect(warning?.message).toContain('2027-10-01');
  expect(warning?.message).toContain('规则可能已调整');
});
