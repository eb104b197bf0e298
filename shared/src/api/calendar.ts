// Input schemas of the `calendar` cloud function: an administrator adds a later year's official holiday schedule
// as data (no code release), everyone may list the known years. Owner: calendar-boundary engineer.
import { z } from 'zod';
import { dayOfWeek, tryParseDate } from '../calendar/civil-date';
import { IsoDateSchema } from './schemas';

/** A real calendar date: the one shared date schema (the year is checked against `year` below). */
const DateSchema = IsoDateSchema;

/**
 * Statutory holidays for all citizens: 13 days a year since 2025 (《全国年节及纪念日放假办法》2024年修订). One falling
 * on a weekend is made up on a working day (same 办法), so a year's notice always takes at least 13 Monday–Friday
 * days off (2020–2026: 18–19). Fewer means a transcription error that would silently shorten every deadline.
 */
export const MIN_WEEKDAY_HOLIDAYS = 13;

const isWeekend = (d: string) => {
  const dow = dayOfWeek(d);
  return dow === 0 || dow === 6;
};

/**
 * One year of the State Council's notice (国务院办公厅关于20XX年部分节假日安排的通知): every day off (`holidays`,
 * weekend days folded into a holiday included) and every make-up working day (`workdays`, 调休上班). Checked so that
 * a typo cannot move deadlines: dates valid and inside the year, no duplicates, no day in both lists, make-up days
 * only on weekends, at least 13 weekday holidays, and a source naming the State Council notice.
 */
export const RegisterCalendarYearInput = z
  .strictObject({
    year: z.number().int().min(2020).max(2100),
    holidays: z.array(DateSchema).min(1).max(60),
    workdays: z.array(DateSchema).max(20),
    source: z
      .string()
      .trim()
      .min(10, '来源须注明国务院办公厅通知的名称（及文号）')
      .max(300)
      .refine((s) => s.includes('国务院'), '来源须为国务院办公厅关于当年部分节假日安排的通知'),
  })
  .superRefine((data, ctx) => {
    for (const key of ['holidays', 'workdays'] as const) {
      const seen = new Set<string>();
      data[key].forEach((d, i) => {
        if (!tryParseDate(d) || !d.startsWith(`${data.year}-`)) {
          ctx.addIssue({ code: 'custom', path: [key, i], message: `${d} 不是 ${data.year} 年内的有效日期` });
        } else if (seen.has(d)) {
          ctx.addIssue({ code: 'custom', path: [key, i], message: `${d} 重复` });
        }
        seen.add(d);
      });
    }
    const holidays = new Set(data.holidays);
    data.workdays.forEach((d, i) => {
      if (!tryParseDate(d)) return;
      if (holidays.has(d)) {
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${d} 不能同时是放假日和调休上班日` });
      } else if (!isWeekend(d)) {
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${d} 不是周末，不能作为调休上班日` });
      }
    });
    const weekdayHolidays = data.holidays.filter((d) => tryParseDate(d) && !isWeekend(d)).length;
    if (weekdayHolidays < MIN_WEEKDAY_HOLIDAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['holidays'],
        message: `放假日中周一至周五仅 ${weekdayHolidays} 天，少于法定节假日 ${MIN_WEEKDAY_HOLIDAYS} 天，请核对通知`,
      });
    }
  });

export const ListCalendarYearsInput = z.strictObject({});

export const CALENDAR_ACTION_INPUTS = {
  calendar: { registerYear: RegisterCalendarYearInput, list: ListCalendarYearsInput },
} as const;
