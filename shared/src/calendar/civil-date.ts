// Civil (calendar) dates as 'YYYY-MM-DD' strings, with arithmetic done on UTC day numbers so that the machine's
// time zone and daylight-saving rules can never shift a date (CONTRACTS.md: dates are Beijing dates as strings).

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Milliseconds in a civil day on the UTC time line (no leap seconds, no daylight saving). */
export const MS_PER_DAY = 86_400_000;

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Parses 'YYYY-MM-DD'; returns null for a malformed string or a date that does not exist (e.g. 2023-02-29). */
export function tryParseDate(date: string): CivilDate | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Error thrown for a string that is not a real 'YYYY-MM-DD' date; `code` is stable for callers. */
export class InvalidDateError extends Error {
  readonly code = 'INVALID_DATE';
  constructor(readonly input: string) {
    super(`日期格式不正确：${input}（应为 YYYY-MM-DD 的有效日期）`);
    this.name = 'InvalidDateError';
  }
}

export function parseDate(date: string): CivilDate {
  const parsed = tryParseDate(date);
  if (!parsed) throw new InvalidDateError(date);
  return parsed;
}

export function isValidDate(date: string): boolean {
  return tryParseDate(date) !== null;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDate(d: CivilDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** Days since 1970-01-01 (proleptic Gregorian). */
export function toDayNumber(date: string): number {
  const { year, month, day } = parseDate(date);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const t = new Date(Date.UTC(2000, month - 1, day));
  t.setUTCFullYear(year);
  return Math.round(t.getTime() / MS_PER_DAY);
}

export function fromDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * MS_PER_DAY);
  return formatDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Negative if a < b, 0 if equal, positive if a > b ('YYYY-MM-DD' sorts lexically). */
export function compareDates(a: string, b: string): number {
  return toDayNumber(a) - toDayNumber(b);
}

/**
 * Adds whole calendar months; a day that does not exist in the target month is clamped to its last day
 * (2025-08-31 + 6 months → 2026-02-28), the same reading dayjs and most administrative counting use.
 */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Adds whole years, clamped like `addMonths` (2024-02-29 + 1 year → 2025-02-28). */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** The first day of `date`'s month. */
export function startOfMonth(date: string): string {
  return formatDate({ ...parseDate(date), day: 1 });
}

/** The Monday of `date`'s week (ISO 8601 weeks run Monday to Sunday): 2026-03-01, a Sunday → 2026-02-23. */
export function startOfIsoWeek(date: string): string {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier): 2026-02-27 → 2026-03-02 is 3. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}
