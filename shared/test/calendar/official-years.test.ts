// Our extracted calendar data must agree with the chinese-days package day by day; if the package is updated
// (e.g. a corrected schedule), this fails and the data file is regenerated with shared/bench/calendar-extract-data.mjs.
import chineseDays from 'chinese-days';
import { coveredCalendarYears, isWorkday, isHoliday, OFFICIAL_CALENDAR_YEARS } from '../../src/calendar';

function* daysOf(year: number): Generator<string> {
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

describe('extracted official calendar vs chinese-days', () => {
  test('covers exactly 2020–2026', () => {
    expect(coveredCalendarYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(OFFICIAL_CALENDAR_YEARS.every((y) => y.source.includes('国务院办公厅'))).toBe(true);
  });

  test.each([2020, 2021, 2022, 2023, 2024, 2025, 2026])('%i: every day agrees on working day and holiday', (year) => {
    const mismatches: string[] = [];
    for (const d of daysOf(year)) {
      if (isWorkday(d) !== chineseDays.isWorkday(d)) mismatches.push(`${d} workday`);
      // chinese-days' isHoliday is true on every weekend; its day detail names a statutory holiday ('国庆节' …).
      const detail = chineseDays.getDayDetail(d);
      const statutory = !detail.work && detail.name.includes(',');
      if (isHoliday(d) !== statutory) mismatches.push(`${d} holiday`);
    }
    expect(mismatches).toEqual([]);
  });
});
