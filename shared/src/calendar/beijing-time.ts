// Instants on the Beijing clock: the calendar date (and wall-clock time) of an instant, the instant a Beijing day
// begins, and whether a deadline is still open. China has used UTC+8 without daylight saving since 1992, so a fixed
// offset on the UTC time line is exact, and the machine's time zone never enters (no local-time Date getter is used).
import { MS_PER_DAY, addDays, parseDate, toDayNumber, tryParseDate } from './civil-date';
import { CalendarInputError } from './errors';

const BEIJING_OFFSET_MS = 8 * 3_600_000;
/** The largest distance from 1970 a JS Date can hold (ECMAScript: ±100,000,000 days). */
const MAX_DATE_MS = 8.64e15;

type StoredInstant = Date | string | number | null | undefined;

function instantMs(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new CalendarInputError('时间无效');
  return ms;
}

function storedMs(instant: StoredInstant): number {
  if (instant instanceof Date) return instant.getTime();
  if (typeof instant === 'string') return Date.parse(instant);
  return typeof instant === 'number' ? instant : NaN;
}

/**
 * The Beijing wall clock of a stored instant: its date 'YYYY-MM-DD' and time 'HH:mm', or null when it cannot be read
 * or lies outside years 0001–9999. The one place an instant is shifted to Beijing time.
 */
export function tryBeijingWallClock(instant: StoredInstant): { date: string; time: string } | null {
  const shifted = storedMs(instant) + BEIJING_OFFSET_MS;
  if (!Number.isFinite(shifted) || Math.abs(shifted) > MAX_DATE_MS) return null; // toISOString would throw
  const iso = new Date(shifted).toISOString();
  const date = iso.slice(0, 10);
  return tryParseDate(date) ? { date, time: iso.slice(11, 16) } : null; // '+010000-…' is not 'YYYY-MM-DD'
}

/** The Beijing (UTC+8) calendar date of an instant, whatever the machine's time zone. */
export function beijingDate(instant: Date): string {
  const clock = tryBeijingWallClock(instantMs(instant));
  if (clock === null) throw new CalendarInputError('时间超出可处理的范围'); // typed, never toISOString's RangeError
  return clock.date;
}

/**
 * The Beijing date of a stored instant (an ISO string written by `toISOString`, a Date, or epoch milliseconds), or
 * null when it cannot be read — total, for data read back from storage, where a caller decides what an unreadable
 * time means (e.g. a delegation whose recording time is unreadable does not count).
 */
export function tryBeijingDate(instant: StoredInstant): string | null {
  return tryBeijingWallClock(instant)?.date ?? null;
}

/** The hour (0–23) on the Beijing clock at an instant, whatever the machine's time zone. */
export function beijingHour(instant: Date): number {
  const clock = tryBeijingWallClock(instantMs(instant));
  if (clock === null) throw new CalendarInputError('时间超出可处理的范围');
  return Number(clock.time.slice(0, 2));
}

/**
 * Beijing wall-clock time `time` ('HH:mm') on day `date` as an ISO 8601 instant with its offset, readable as written
 * ('2025-09-30', '09:00' → '2025-09-30T09:00:00+08:00'): for instants a person sets or reads, such as a dev clock.
 */
export function beijingIsoInstant(date: string, time: string): string {
  parseDate(date); // throws INVALID_DATE
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
    throw new CalendarInputError(`时刻格式不正确：${time}（应为 HH:mm）`);
  }
  return `${date}T${time}:00+08:00`;
}

/** The instant at which Beijing day `date` begins (00:00 +08:00). */
export function beijingStartOfDay(date: string): Date {
  parseDate(date); // throws INVALID_DATE
  return new Date(toDayNumber(date) * MS_PER_DAY - BEIJING_OFFSET_MS);
}

/** True while a deadline whose last day is `lastDay` is open: until lastDay 24:00 Beijing time (exclusive). */
export function isOpenAt(lastDay: string, instant: Date): boolean {
  const closesAt = beijingStartOfDay(addDays(lastDay, 1)).getTime();
  return instantMs(instant) < closesAt;
}
