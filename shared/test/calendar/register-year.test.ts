// Kept in its own file: registering a year changes the default calendar for the rest of the module's life.
import {
  registerCalendarYear,
  isWorkday,
  addWorkdays,
  resultDate,
  coveredCalendarYears,
  createWorkCalendar,
} from '../../src/calendar';

// A fixture shaped like a State Council notice for 2027 (NOT the real 2027 schedule: a test of the mechanism only).
const fixture2027 = {
  year: 2027,
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-03',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
  ],
  workdays: ['2027-02-13'],
  source: '测试数据（非真实安排）',
};

describe('registerCalendarYear', () => {
  test('2027 is unknown until registered, then works', () => {
    expect(() => isWorkday('2027-01-04')).toThrow(expect.objectContaining({ code: 'CALENDAR_UNKNOWN' }));
    expect(() => addWorkdays('2026-12-30', 2)).toThrow(expect.objectContaining({ code: 'CALENDAR_UNKNOWN' }));
    registerCalendarYear(fixture2027);
    expect(coveredCalendarYears()).toContain(2027);
    expect(isWorkday('2027-01-01')).toBe(false);
    expect(isWorkday('2027-01-04')).toBe(true); // Monday
    expect(isWorkday('2027-02-13')).toBe(true); // make-up Saturday from the data
    expect(isWorkday('2027-02-14')).toBe(false); // ordinary Sunday
    expect(addWorkdays('2026-12-30', 2)).toBe('2027-01-04');
    expect(addWorkdays('2027-02-05', 1)).toBe('2027-02-13');
    expect(resultDate('2027-01-04')).toBe('2027-02-01');
    expect(resultDate('2027-01-15')).toBe('2027-02-18'); // 15 in January–February 5, the make-up 02-13, then 02-15..18
    expect(() => isWorkday('2028-01-03')).toThrow(expect.objectContaining({ code: 'CALENDAR_UNKNOWN' }));
  });

  test('a covered year is not overwritten by accident, but can be corrected explicitly', () => {
    const cal = createWorkCalendar();
    const correction = { year: 2025, holidays: ['2025-01-01'], workdays: [], source: '更正测试' };
    expect(() => cal.register(correction)).toThrow(expect.objectContaining({ code: 'CALENDAR_INPUT' }));
    expect(cal.isWorkday('2025-10-02')).toBe(false);
    cal.register(correction, { replace: true });
    expect(cal.isWorkday('2025-10-02')).toBe(true);
    expect(cal.sourceOf(2025)).toBe('更正测试');
  });

  test.each([
    [{ ...fixture2027, year: 2028 }, 'dates outside the year'],
    [{ ...fixture2027, year: 2029, holidays: ['2029-02-30'] }, 'impossible date'],
    [{ ...fixture2027, year: 2030, holidays: [], workdays: ['2030-01-07'] }, 'a Monday as make-up day'],
    [{ ...fixture2027, year: 2031, holidays: ['2031-02-01'], workdays: ['2031-02-01'] }, 'both holiday and workday'],
    [{ ...fixture2027, year: 2032, holidays: [], workdays: [], source: ' ' }, 'no source'],
  ])('malformed data is rejected: %#', (data, _why) => {
    const cal = createWorkCalendar([]);
    expect(() => cal.register(data)).toThrow(expect.objectContaining({ code: 'CALENDAR_INPUT' }));
    expect(cal.coveredYears()).toEqual([]);
  });
});
