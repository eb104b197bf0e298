import { roundDates } from '@hz-points/shared';
import { cutoffChoices, nextCutoff, roundYearFor } from '../../src/lib/rounds';

// Scenario table: (Beijing date) → which round the pages talk about. Expectations come from roundDates.
describe('round helpers', () => {
  it.each([
    ['2026-03-15', 2026, [2025, 2026]],
    ['2026-09-30', 2026, [2025, 2026]],
    ['2026-10-01', 2027, [2026, 2027]],
    ['2026-11-25', 2027, [2026, 2027]],
  ])('on %s the next cut-off is the %s round, choices %j', (today, nextYear, years) => {
    expect(nextCutoff(today)).toBe(roundDates(nextYear).cutoffDate);
    expect(cutoffChoices(today)).toEqual(years.map((y) => roundDates(y).cutoffDate));
  });

  it('keeps showing a round until its settlement window closes', () => {
    const r = roundDates(2026);
    expect(roundYearFor(r.settlementCloses)).toBe(2026);
    expect(roundYearFor('2026-12-01')).toBe(2027);
  });
});
