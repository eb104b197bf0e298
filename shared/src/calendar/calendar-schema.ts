import { z } from 'zod';
import { calendarYearIssues, type CalendarYearData } from './calendar-data';

/**
 * A year's official schedule as a zod schema: exactly calendarYearIssues (the one definition, which the calendar
 * itself uses without zod), each issue at its path.
 */
export const CalendarYearSchema = z.custom<CalendarYearData>().superRefine((data, ctx) => {
  for (const issue of calendarYearIssues(data))
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
