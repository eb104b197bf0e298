// Turns what an administrator types from the State Council notice into the list of dates the shared schema checks.
// The notice states holidays as ranges ("1月28日至2月4日放假调休"), so a range `2027-01-28至2027-02-04` (or `~`)
// expands to each of its days: typing every day by hand is where transcription errors come from. Single entries are
// kept exactly as typed, so a malformed one reaches RegisterCalendarYearInput and gets the schema's Chinese message.
import { addCalendarDays, dayOfWeek, daysBetween, isValidCivilDate } from '@hz-points/shared';

const RANGE = /^(\d{4}-\d{2}-\d{2})[至~～](\d{4}-\d{2}-\d{2})$/;
/** The longest holiday of any notice is 8–9 days; a longer range is almost certainly a typo in a month. */
export const MAX_RANGE_DAYS = 15;

export type DateList = { ok: true; dates: string[] } | { ok: false; message: string };

const CHINESE_DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/g;
const pad = (n: string | number) => String(n).padStart(2, '0');

/**
 * Dates as the notice writes them (「2027年1月28日至2月4日」, or with the year from the form: 「1月28日至2月4日」,
 * 「10月1日至7日」) become the numeric form; a missing year or month is the one written before it. Without any year
 * the text is left as typed (the schema then says which entry is wrong).
 */
export function normaliseChineseDates(text: string, year?: number): string {
  let y = year ? String(year) : '';
  let m = '';
  return text.replace(CHINESE_DATE, (whole, yy: string | undefined, mm: string | undefined, dd: string) => {
    if (yy) y = yy;
    if (mm) m = mm;
    return y && m ? `${y}-${pad(m)}-${pad(dd)}` : whole;
  });
}

/**
 * Dates separated by new lines, spaces, commas (， 、 ; ；), each a date (2027-01-28 or 2027年1月28日; with `year`,
 * also 1月28日) or a range `起至止`.
 */
export function parseDateList(text: string, label: string, year?: number): DateList {
  const tokens = normaliseChineseDates(text, year)
    .replace(/\s*([至~～])\s*/g, '$1')
    .split(/[\s,，、;；]+/)
    .filter(Boolean);
  const dates: string[] = [];
  for (const token of tokens) {
    const m = RANGE.exec(token);
    if (!m) {
      dates.push(token);
      continue;
    }
    const [, from, to] = m as unknown as [string, string, string];
    if (!isValidCivilDate(from) || !isValidCivilDate(to))
      return { ok: false, message: `${label}：${token} 不是有效的日期范围` };
    const span = daysBetween(from, to);
    if (span < 0) return { ok: false, message: `${label}：${token} 的结束日期早于开始日期` };
    if (span + 1 > MAX_RANGE_DAYS)
      return { ok: false, message: `${label}：${token} 超过${MAX_RANGE_DAYS}天，请核对通知` };
    for (let d = from; d <= to; d = addCalendarDays(d, 1)) dates.push(d);
  }
  return { ok: true, dates };
}

/** Monday–Friday among valid dates (the schema asks for at least 13 weekday holidays; shown before sending). */
export function weekdayCount(dates: readonly string[]): number {
  return dates.filter((d) => {
    if (!isValidCivilDate(d)) return false;
    const dow = dayOfWeek(d);
    return dow !== 0 && dow !== 6;
  }).length;
}
