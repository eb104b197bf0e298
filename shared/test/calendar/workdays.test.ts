import fc from 'fast-check';
import chineseDays from 'chinese-days';
import { addWorkdays, isWorkday, isHoliday, CalendarUnknownError, createWorkCalendar } from '../../src/calendar';

// Golden table typed from the State Council notices (国务院办公厅关于20XX年部分节假日安排的通知), Spring Festival
// and National Day of 2021–2026: [holiday first day, holiday last day, make-up working days].
const schedules: Array<[string, string, string, string[]]> = [
  ['2021 春节', '2021-02-11', '2021-02-17', ['2021-02-07', '2021-02-20']],
  ['2021 国庆', '2021-10-01', '2021-10-07', ['2021-09-26', '2021-10-09']],
  ['2022 春节', '2022-01-31', '2022-02-06', ['2022-01-29', '2022-01-30']],
  ['2022 国庆', '2022-10-01', '2022-10-07', ['2022-10-08', '2022-10-09']],
  ['2023 春节', '2023-01-21', '2023-01-27', ['2023-01-28', '2023-01-29']],
  ['2023 中秋国庆', '2023-09-29', '2023-10-06', ['2023-10-07', '2023-10-08']],
  ['2024 春节', '2024-02-10', '2024-02-17', ['2024-02-04', '2024-02-18']],
  ['2024 国庆', '2024-10-01', '2024-10-07', ['2024-09-29', '2024-10-12']],
  ['2025 春节', '2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08']],
  ['2025 国庆中秋', '2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11']],
  ['2026 春节', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']],
  ['2026 国庆', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']],
];

function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
const dow = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

describe('isWorkday on the official schedule', () => {
  test.each(schedules)('%s: %s..%s off, make-up days worked', (_name, first, last, makeUp) => {
    for (const d of datesBetween(first, last)) {
      expect([d, isWorkday(d)]).toEqual([d, false]);
      expect([d, isHoliday(d)]).toEqual([d, true]);
    }
    for (const d of makeUp) {
      expect([0, 6]).toContain(dow(d)); // a make-up day is a weekend day…
      expect([d, isWorkday(d)]).toEqual([d, true]); // …worked
      expect(isHoliday(d)).toBe(false);
    }
  });

  test.each([
    ['2025-10-12', false, 'ordinary Sunday after the National Day make-up Saturday'],
    ['2025-10-10', true, 'ordinary Friday'],
    ['2025-01-25', false, 'ordinary Saturday before the make-up Sunday'],
    ['2025-12-31', true, 'Wednesday'],
    ['2026-01-04', true, 'Sunday make-up day for New Year 2026'],
    ['2022-12-31', false, 'Saturday inside the 2023 New Year holiday, listed in 2022'],
  ])('%s → %s (%s)', (d, expected) => {
    expect(isWorkday(d)).toBe(expected);
  });
});

describe('addWorkdays: the n-th working day after the date', () => {
  test.each([
    ['2025-09-26', 1, '2025-09-28', 'Friday → make-up Sunday'],
    ['2025-09-26', 2, '2025-09-29', ''],
    ['2025-09-30', 1, '2025-10-09', 'across National Day + Mid-autumn'],
    ['2025-09-30', 3, '2025-10-11', 'make-up Saturday'],
    ['2025-09-30', 4, '2025-10-13', 'skips the ordinary Sunday'],
    ['2025-10-01', 1, '2025-10-09', 'start on a holiday'],
    ['2025-01-24', 1, '2025-01-26', 'Spring Festival make-up Sunday'],
    ['2025-01-27', 1, '2025-02-05', 'across Spring Festival'],
    ['2025-02-07', 1, '2025-02-08', 'make-up Saturday'],
    ['2025-09-15', 20, '2025-10-17', '20 working days across National Day'],
    ['2024-09-27', 7, '2024-10-12', '7 working days ending on the make-up Saturday'],
    ['2025-12-31', 1, '2026-01-04', 'across the year end into a make-up Sunday'],
    ['2022-12-30', 1, '2023-01-03', 'across the 2023 New Year holiday'],
    ['2026-02-13', 1, '2026-02-14', '2026 Spring Festival make-up Saturday'],
    ['2026-02-14', 1, '2026-02-24', 'across the nine-day 2026 Spring Festival'],
    ['2026-09-18', 1, '2026-09-20', '2026 National Day make-up Sunday'],
  ])('%s + %i → %s (%s)', (d, n, expected) => {
    expect(addWorkdays(d, n)).toBe(expected);
  });

  test('bad counts and dates are rejected with a stable code', () => {
    for (const n of [0, -1, 1.5, Number.NaN]) {
      expect(() => addWorkdays('2025-01-02', n)).toThrow(expect.objectContaining({ code: 'CALENDAR_INPUT' }));
    }
    expect(() => addWorkdays('2025-02-30', 1)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => isWorkday('20250102')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});

describe('unknown years are never guessed', () => {
  test('a 2027 date throws CALENDAR_UNKNOWN', () => {
    expect(() => isWorkday('2027-01-04')).toThrow(CalendarUnknownError);
    expect(() => isWorkday('2027-01-04')).toThrow(expect.objectContaining({ code: 'CALENDAR_UNKNOWN', year: 2027 }));
    expect(() => isWorkday('2019-12-31')).toThrow(expect.objectContaining({ code: 'CALENDAR_UNKNOWN' }));
  });

  test('counting that runs into 2027 throws rather than assuming Monday–Friday', () => {
    expect(addWorkdays('2026-12-30', 1)).toBe('2026-12-31');
    expect(() => addWorkdays('2026-12-30', 2)).toThrow(expect.objectContaining({ code: 'CALENDAR_UNKNOWN' }));
  });
});

describe('properties (2020-01-01 .. 2026-06-30, n ≤ 60)', () => {
  const start = Date.UTC(2020, 0, 1) / 86_400_000;
  const end = Date.UTC(2026, 5, 30) / 86_400_000;
  const dateArb = fc.integer({ min: start, max: end }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
  const nArb = fc.integer({ min: 1, max: 60 });

  test('the result is a working day after the date, with exactly n working days in (date, result]', () => {
    fc.assert(
      fc.property(dateArb, nArb, (d, n) => {
        const r = addWorkdays(d, n);
        const between = datesBetween(d, r).slice(1).filter(isWorkday);
        return isWorkday(r) && r > d && between.length === n;
      }),
    );
  });

  test('strictly monotonic in n and composable: (d + a) + b = d + (a + b)', () => {
    fc.assert(
      fc.property(dateArb, nArb, nArb, (d, a, b) => {
        return addWorkdays(d, a) < addWorkdays(d, a + 1) && addWorkdays(addWorkdays(d, a), b) === addWorkdays(d, a + b);
      }),
    );
  });

  test('agrees with chinese-days findWorkday (an independent implementation over the same schedule)', () => {
    fc.assert(fc.property(dateArb, nArb, (d, n) => addWorkdays(d, n) === chineseDays.findWorkday(n, d)));
  });

  test('an isolated calendar without the year answers CALENDAR_UNKNOWN, never Monday–Friday', () => {
    const empty = createWorkCalendar([]);
    fc.assert(
      fc.property(dateArb, (d) => {
        try {
          empty.isWorkday(d);
          return false;
        } catch (e) {
          return (e as { code?: string }).code === 'CALENDAR_UNKNOWN';
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('civil-date arithmetic is independent of Date quirks', () => {
  test('years below 100 are not shifted to 19xx', async () => {
    const { toDayNumber, fromDayNumber, addDays, dayOfWeek } = await import('../../src/calendar/civil-date');
    expect(fromDayNumber(toDayNumber('0050-03-01'))).toBe('0050-03-01');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01'); // 2100 is not a leap year
  });
});
