// The calendar's date functions for data read back from storage: results or typed errors with a stable code, never
// a raw exception (RangeError from toISOString, a TypeError from a null). Expected dates are written from the rules.
import fc from 'fast-check';
import { beijingDate, resultPublicationDay, roundDateOrderIssue, roundDates, tryBeijingDate } from '../../src/calendar';

describe('resultPublicationDay: a result is never shown while a returned item may still be supplemented', () => {
  test.each([
    // resultDate, last decision, returned item → published on
    ['2025-10-30', '2025-09-29', false, '2025-10-30'],
    ['2025-10-30', '2025-09-29', true, '2025-10-31'], // the supplement window ends 2025-10-30 24:00
    ['2025-10-30', '2025-10-30', true, '2025-10-31'], // returned on the result date itself
    ['2025-10-30', '2025-11-03', true, '2025-11-03'], // a late department: the day of the last decision
    ['2025-10-30', '2025-11-03', false, '2025-11-03'],
    ['2026-12-31', '2026-12-01', true, '2027-01-01'], // across the year end (a calendar day, no working days needed)
    ['2028-02-28', '2028-01-10', true, '2028-02-29'], // leap day
    ['2027-02-28', '2027-01-10', true, '2027-03-01'],
  ] as const)('resultDate %s, decided %s, returned %s → %s', (result, decided, returned, expected) => {
    expect(resultPublicationDay(result, decided, returned)).toBe(expected);
  });

  test('a stored date that is not a date is a typed INVALID_DATE error', () => {
    expect(() => resultPublicationDay('2025-02-30', '2025-01-01', true)).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
    expect(() => resultPublicationDay('2025-10-30', null as unknown as string, false)).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});

describe('tryBeijingDate reads stored instants totally', () => {
  test.each([
    ['2025-10-30T15:59:59.999Z', '2025-10-30'],
    ['2025-10-30T16:00:00.000Z', '2025-10-31'], // 00:00 Beijing
    ['2025-10-31T00:00:00+08:00', '2025-10-31'],
  ])('%s → %s', (iso, expected) => {
    expect(tryBeijingDate(iso)).toBe(expected);
  });

  test.each([
    ['not a time'],
    [''],
    [null],
    [undefined],
    [Number.NaN],
    [8.64e15],
    [-8.64e15],
    ['+275760-09-13T00:00:00.000Z'],
  ])('%p → null', (value) => {
    expect(tryBeijingDate(value as string | number | null | undefined)).toBeNull();
  });

  test('any value at all: a date string or null, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.date({ noInvalidDate: false }), fc.constant(null)), (v) => {
        const d = tryBeijingDate(v as string | number | Date | null);
        expect(d === null || /^\d{4}-\d{2}-\d{2}$/.test(d)).toBe(true);
      }),
    );
  });

  test('beijingDate of an instant past the last representable day is a typed CALENDAR_INPUT error', () => {
    expect(() => beijingDate(new Date(8.64e15))).toThrow(expect.objectContaining({ code: 'CALENDAR_INPUT' }));
    expect(() => beijingDate(new Date(Number.NaN))).toThrow(expect.objectContaining({ code: 'CALENDAR_INPUT' }));
  });
});

describe('roundDateOrderIssue', () => {
  test('the default dates of every round 2021–2100 are in order', () => {
    for (let year = 2021; year <= 2100; year++) expect(roundDateOrderIssue(roundDates(year))).toBeNull();
  });

  test('each violation names its field', () => {
    const d = roundDates(2029); // cut-off 2029-10-01, settlement 11-01..11-30, points until 09-30
    expect(roundDateOrderIssue({ ...d, settlementOpens: '2029-10-01' })?.field).toBe('settlementOpens');
    expect(roundDateOrderIssue({ ...d, settlementCloses: '2029-10-31' })?.field).toBe('settlementCloses');
    expect(roundDateOrderIssue({ ...d, pointsApplication: { opens: null, closes: '2029-11-01' } })?.field).toBe(
      'pointsApplicationCloses',
    );
    expect(roundDateOrderIssue({ ...d, pointsApplication: { opens: '2029-09-28', closes: '2029-09-27' } })?.field).toBe(
      'pointsApplicationCloses',
    );
    expect(roundDateOrderIssue({ ...d, settlementCloses: '2029-11-01' })).toBeNull(); // a one-day window
  });

  test('dates that do not exist are reported, not thrown', () => {
    const d = roundDates(2029);
    expect(roundDateOrderIssue({ ...d, settlementCloses: '2029-11-31' })).toEqual({
      field: 'settlementCloses',
      message: '2029-11-31 不是真实存在的日期',
    });
    expect(roundDateOrderIssue({ ...d, cutoffDate: null as unknown as string })?.field).toBe('settlementOpens');
  });
});
