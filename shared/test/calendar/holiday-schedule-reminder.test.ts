// Replaces the old wall-clock year guard: instead of a test that starts failing on 1 January, the running product
// tells the administrator (home page) when next year's official schedule is missing. Every date here is a literal.
import { HOLIDAY_SCHEDULE_REMINDER, holidayScheduleReminder } from '../../src/calendar';

const KNOWN_TO_2026 = [2020, 2021, 2022, 2023, 2024, 2025, 2026];

describe('holidayScheduleReminder (60 days before the year ends)', () => {
  it('is 60 days by default', () => {
    expect(HOLIDAY_SCHEDULE_REMINDER.leadDays).toBe(60);
  });

  it('is silent the day before the window: 2026-11-01', () => {
    expect(holidayScheduleReminder('2026-11-01', KNOWN_TO_2026, 60)).toBeNull();
  });

  it('warns from the first day of the window: 2026-11-02 (60 days up to and including 12-31)', () => {
    expect(holidayScheduleReminder('2026-11-02', KNOWN_TO_2026, 60)).toEqual({
      year: 2027,
      kind: 'next',
      neededFrom: '2027-01-01',
    });
  });

  it('still warns on the last day of the year: 2026-12-31', () => {
    expect(holidayScheduleReminder('2026-12-31', KNOWN_TO_2026, 60)).toEqual({
      year: 2027,
      kind: 'next',
      neededFrom: '2027-01-01',
    });
  });

  it('uses the default lead when none is given: 2026-11-02 warns, 2026-11-01 does not', () => {
    expect(holidayScheduleReminder('2026-11-02', KNOWN_TO_2026)?.year).toBe(2027);
    expect(holidayScheduleReminder('2026-11-01', KNOWN_TO_2026)).toBeNull();
  });

  it('is silenced by a registered next year', () => {
    expect(holidayScheduleReminder('2026-12-04', [...KNOWN_TO_2026, 2027], 60)).toBeNull();
    expect(holidayScheduleReminder('2026-12-31', [...KNOWN_TO_2026, 2027], 60)).toBeNull();
  });

  it('counts the window in a leap year the same way: 2028-11-02 first day, 2028-11-01 silent', () => {
    const known = [2027, 2028];
    expect(holidayScheduleReminder('2028-11-01', known, 60)).toBeNull();
    expect(holidayScheduleReminder('2028-11-02', known, 60)).toEqual({
      year: 2029,
      kind: 'next',
      neededFrom: '2029-01-01',
    });
  });

  it('follows a configured lead: 30 days → from 2026-12-02', () => {
    expect(holidayScheduleReminder('2026-12-01', KNOWN_TO_2026, 30)).toBeNull();
    expect(holidayScheduleReminder('2026-12-02', KNOWN_TO_2026, 30)?.year).toBe(2027);
  });

  it('asks for the current year, at any time of year, when that year itself is missing', () => {
    expect(holidayScheduleReminder('2027-01-01', KNOWN_TO_2026, 60)).toEqual({
      year: 2027,
      kind: 'current',
      neededFrom: '2027-01-01',
    });
    expect(holidayScheduleReminder('2027-03-15', KNOWN_TO_2026, 60)).toEqual({
      year: 2027,
      kind: 'current',
      neededFrom: '2027-01-01',
    });
  });

  it('rejects a date that is not a calendar date', () => {
    expect(() => holidayScheduleReminder('2026-02-30', KNOWN_TO_2026, 60)).toThrow();
  });
});
