// How a date or an instant reads in a Chinese sentence: 2026年10月21日, 2026年12月1日 09:30 (Beijing time).
// One formatter for the whole product, so every screen and every message writes dates the same way.
import { tryParseDate } from './civil-date';
import { tryBeijingDate } from './deadlines';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM-DD' → '2026年10月21日'. Anything that is not a real date is returned as given ('' for none). */
export function formatChineseDate(date: string | null | undefined): string {
  if (!date) return '';
  const d = tryParseDate(date.slice(0, 10));
  return d ? `${d.year}年${d.month}月${d.day}日` : date;
}

/** An instant → '2026年12月1日 09:30' in Beijing time, whatever the device's time zone. '' for none. */
export function formatChineseDateTime(instant: Date | string | number | null | undefined): string {
  const date = tryBeijingDate(instant);
  if (date === null || instant === null || instant === undefined) return '';
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'string' ? Date.parse(instant) : instant;
  const beijing = new Date(ms + BEIJING_OFFSET_MS);
  const hh = String(beijing.getUTCHours()).padStart(2, '0');
  const mm = String(beijing.getUTCMinutes()).padStart(2, '0');
  return `${formatChineseDate(date)} ${hh}:${mm}`;
}

/** 'YYYY-MM-DD' → '2026年10月' (a month in a sentence). */
export function formatChineseMonth(date: string | null | undefined): string {
  const d = date ? tryParseDate(date.slice(0, 10)) : null;
  return d ? `${d.year}年${d.month}月` : (date ?? '');
}
