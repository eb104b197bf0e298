// How a date or an instant reads in a Chinese sentence: 2026年10月21日, 2026年12月1日 09:30 (Beijing time).
// One formatter for the whole product, so every screen and every message writes dates the same way
// (shared/test/calendar/one-date-formatter.test.ts keeps copies out of the client and the cloud functions).
import { tryParseDate } from './civil-date';
import { tryBeijingWallClock } from './beijing-time';

/** 'YYYY-MM-DD' → '2026年10月21日'. Anything that is not a real date is returned as given ('' for none). */
export function formatChineseDate(date: string | null | undefined): string {
  if (!date) return '';
  const d = tryParseDate(date.slice(0, 10));
  return d ? `${d.year}年${d.month}月${d.day}日` : date;
}

/** An instant → '2026年12月1日 09:30' in Beijing time, whatever the device's time zone. '' for none. */
export function formatChineseDateTime(instant: Date | string | number | null | undefined): string {
  const clock = tryBeijingWallClock(instant);
  return clock ? `${formatChineseDate(clock.date)} ${clock.time}` : '';
}

/** 'YYYY-MM-DD' → '2026年10月' (a month in a sentence). */
export function formatChineseMonth(date: string | null | undefined): string {
  const d = date ? tryParseDate(date.slice(0, 10)) : null;
  return d ? `${d.year}年${d.month}月` : (date ?? '');
}

/** 'YYYY-MM-DD' → '10月5日' (a chart's axis, where the year is said once). Anything else is returned as given. */
export function formatChineseMonthDay(date: string | null | undefined): string {
  const d = date ? tryParseDate(date.slice(0, 10)) : null;
  return d ? `${d.month}月${d.day}日` : (date ?? '');
}
