// Day counts the screens show: calendar days between two dates, and working days left until a deadline on the
// official schedule (2025: 国庆 10-01…10-08 off, Sunday 9-28 and Saturday 10-11 worked).
import { CalendarUnknownError, daysBetween, workingDaysUntil } from '../../src';

describe('daysBetween', () => {
  it('counts calendar days across a month end and a leap day', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3);
    expect(daysBetween('2026-11-30', '2026-11-30')).toBe(0);
  });
});

describe('workingDaysUntil', () => {
  it('counts today and the last day, skipping the holiday and counting the make-up days', () => {
    // Wed 9-17 … Mon 10-20: 9-17…9-30 is 11 (with 9-28), 10-09…10-20 is 9 (with 10-11).
    expect(workingDaysUntil('2025-10-20', '2025-09-17')).toBe(20);
    expect(workingDaysUntil('2025-10-08', '2025-10-01')).toBe(0);
    expect(workingDaysUntil('2025-09-28', '2025-09-28')).toBe(1);
  });
  it('is 0 once the last day has passed', () => {
    expect(workingDaysUntil('2025-09-16', '2025-09-17')).toBe(0);
  });
  it('refuses a year without a published schedule', () => {
    expect(() => workingDaysUntil('2099-01-10', '2099-01-05')).toThrow(CalendarUnknownError);
  });
});
