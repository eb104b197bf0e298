// The helpers the cloud functions took over from their own date code (issue 11): the Monday of a week (stats'
// weekly series), the Beijing hour (the reminders timer's 09:00 sweep) and a Beijing wall-clock instant (the local
// cloud's demo milestones). Expected values are read off the calendar, not computed.
import { beijingHour, beijingIsoInstant, startOfIsoWeek } from '../../src';

describe('startOfIsoWeek', () => {
  it('gives the Monday of the week, across a month end, a year end and a leap day', () => {
    expect(startOfIsoWeek('2026-03-01')).toBe('2026-02-23'); // a Sunday: the week began six days before
    expect(startOfIsoWeek('2026-02-23')).toBe('2026-02-23'); // a Monday is its own week's start
    expect(startOfIsoWeek('2026-02-28')).toBe('2026-02-23'); // a Saturday
    expect(startOfIsoWeek('2027-01-01')).toBe('2026-12-28'); // a Friday
    expect(startOfIsoWeek('2028-03-01')).toBe('2028-02-28'); // a Wednesday, after 2028-02-29
  });

  it('rejects a date that does not exist', () => {
    expect(() => startOfIsoWeek('2026-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});

describe('beijingHour', () => {
  it('reads the hour on the Beijing clock (UTC+8), around 09:00 and around midnight', () => {
    expect(beijingHour(new Date('2026-05-01T00:59:59Z'))).toBe(8);
    expect(beijingHour(new Date('2026-05-01T01:00:00Z'))).toBe(9);
    expect(beijingHour(new Date('2026-04-30T15:59:59Z'))).toBe(23);
    expect(beijingHour(new Date('2026-04-30T16:00:00Z'))).toBe(0);
  });

  it('rejects an invalid instant with a typed error', () => {
    expect(() => beijingHour(new Date(NaN))).toThrow(expect.objectContaining({ code: 'CALENDAR_INPUT' }));
  });
});

describe('beijingIsoInstant', () => {
  it('writes a Beijing wall-clock time as an ISO instant with its offset', () => {
    expect(beijingIsoInstant('2025-09-30', '09:00')).toBe('2025-09-30T09:00:00+08:00');
    expect(new Date(beijingIsoInstant('2025-09-30', '09:00')).toISOString()).toBe('2025-09-30T01:00:00.000Z');
    expect(new Date(beijingIsoInstant('2026-01-01', '00:00')).toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('rejects a date that does not exist and a time that is not HH:mm', () => {
    expect(() => beijingIsoInstant('2025-09-31', '09:00')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => beijingIsoInstant('2025-09-30', '9:00')).toThrow(expect.objectContaining({ code: 'CALENDAR_INPUT' }));
    expect(() => beijingIsoInstant('2025-09-30', '24:00')).toThrow(expect.objectContaining({ code: 'CALENDAR_INPUT' }));
  });
});
