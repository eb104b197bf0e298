// The administrator's reminder to register next year's official holiday schedule. Working days follow the State
// Council's schedule, which is published once a year for the next year; a year without it answers CALENDAR_UNKNOWN
// (deadlines are never guessed as Monday–Friday). The built-in data ends at the last year our reference
// (chinese-days) covers, so a running product needs each later year registered through the `calendar` function
// before 1 January. Pure: the caller passes today's Beijing date and the years it knows (no clock read here).
import { addDays, parseDate } from './civil-date';

/**
 * How many days before a year ends the home page starts asking for next year's schedule (rule data, not policy:
 * our own operating choice). Why 60: the State Council's notice for the next year usually appears between late
 * October and mid November (2024's on 2023-10-25, 2025's on 2024-11-12), so from about 2 November the notice is
 * normally out and the administrator still has two months to register it before deadlines in January need it.
 * Starting earlier would nag while there is nothing to register yet.
 */
export const HOLIDAY_SCHEDULE_REMINDER = {
  leadDays: 60,
  verified: false,
  assumption: '国务院办公厅通常于10月下旬至11月中旬发布次年节假日安排通知；提前60天（约11月2日起）提醒管理员登记。',
} as const;

export interface HolidayScheduleReminder {
  /** The year whose official schedule is missing. */
  year: number;
  /**
   * 'current' = this year's own schedule is missing (deadlines fail now); 'next' = next year's, within the lead
   * window before the year ends.
   */
  kind: 'current' | 'next';
  /** The first day the missing schedule is needed ('YYYY-01-01' of `year`). */
  neededFrom: string;
}

/**
 * The reminder to show on `today` (a Beijing date 'YYYY-MM-DD'), or null when nothing is missing: this year's
 * schedule first (it is needed already), then next year's from `leadDays` days before 31 December (the window
 * includes 31 December and is exactly `leadDays` days long).
 */
export function holidayScheduleReminder(
  today: string,
  knownYears: readonly number[],
  leadDays: number = HOLIDAY_SCHEDULE_REMINDER.leadDays,
): HolidayScheduleReminder | null {
  const { year } = parseDate(today);
  const known = new Set(knownYears);
  if (!known.has(year)) return { year, kind: 'current', neededFrom: `${year}-01-01` };
  const next = year + 1;
  if (known.has(next)) return null;
  const windowOpens = addDays(`${next}-01-01`, -leadDays);
  return today >= windowOpens ? { year: next, kind: 'next', neededFrom: `${next}-01-01` } : null;
}
