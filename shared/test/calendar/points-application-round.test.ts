// Which round a points application made on a given day counts for (FAQ2021 Q4 and Q6; year-round acceptance from
// 2024-03-01 is an unverified public copy). A deadline includes its last day.
import { pointsApplicationRound } from '../../src';

describe('pointsApplicationRound', () => {
  it.each([
    ['2021-09-27', null, 'before the 2021 window (09-28 to 10-31)'],
    ['2021-09-28', 2021, 'first day of the 2021 window'],
    ['2021-10-31', 2021, 'last day of the 2021 window'],
    ['2021-11-01', 2022, 'after it: the 2022 round (opening day not in the sources)'],
    ['2022-09-30', 2022, 'last day before 10-01 (当年度10月1日前)'],
    ['2022-10-01', 2023, '10-01 is too late for that year'],
    ['2025-03-15', 2025, 'spring: this year'],
    ['2025-09-30', 2025, 'last day for 2025'],
    ['2025-10-01', 2026, 'from 10-01: next year'],
    ['2026-11-25', 2027, 'today: the 2027 round'],
    ['2026-12-31', 2027, 'end of year'],
  ])('%s → %s (%s)', (date, expected, _why) => {
    expect(pointsApplicationRound(date)).toBe(expected);
  });

  it('rejects an impossible date', () => {
    expect(() => pointsApplicationRound('2025-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
