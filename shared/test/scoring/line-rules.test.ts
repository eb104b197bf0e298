// The line an administrator sets (rounds.setLine) is bounded by cited rule data, not by literals in the schema or the
// pages (issue 11). Expected values are the policy's: 100 points is the floor (FAQ2021 Q5; R2023 二(四) keeps it as
// the floor of a line the city may raise), lines are whole or half points.
import { SetLineInput } from '../../src/api/rounds';
import { LINE_RULES, POINTS_THRESHOLD } from '../../src/scoring';

const threshold = (t: number) => SetLineInput.safeParse({ year: 2025, mode: 'threshold', threshold: t });
const quota = (q: number) => SetLineInput.safeParse({ year: 2025, mode: 'quota', quota: q });

test('the line data: floor 100 (R2023 二(四), verified), half points, and input checks marked as our own', () => {
  expect(LINE_RULES.thresholdFloor.points).toBe(100);
  expect(LINE_RULES.thresholdFloor.points).toBe(POINTS_THRESHOLD);
  expect(LINE_RULES.thresholdFloor.citation).toMatchObject({ doc: 'R2023', clause: '二(四)', verified: true });
  expect(LINE_RULES.thresholdStep.points).toBe(0.5);
  expect(LINE_RULES.thresholdStep.citation).toMatchObject({ doc: 'public-copy', verified: false });
  for (const bound of [LINE_RULES.thresholdCeiling, LINE_RULES.quotaSuggestion, LINE_RULES.quotaCeiling]) {
    expect(bound.citation).toMatchObject({ doc: 'our-choice', verified: false });
  }
});

test('SetLineInput takes its bounds from the line data', () => {
  expect(threshold(100).success).toBe(true);
  expect(threshold(99.5).success).toBe(false);
  expect(threshold(99.5).error?.issues[0]?.message).toBe('分数线不得低于100分');
  expect(threshold(120.5).success).toBe(true);
  expect(threshold(120.25).error?.issues[0]?.message).toBe('分数线应为0.5的整数倍');
  expect(threshold(1000).success).toBe(true);
  expect(threshold(1000.5).success).toBe(false);
  expect(quota(1).success).toBe(true);
  expect(quota(1_000_000).success).toBe(true);
  expect(quota(1_000_001).success).toBe(false);
});
