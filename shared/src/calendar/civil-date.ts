// Civil (calendar) dates as 'YYYY-MM-DD' strings, with arithmetic done on UTC day numbers so that the machine's
// time zone and daylight-saving rules can never shift a date (CONTRACTS.md: dates are Beijing dates as strings).

import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
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

export function formatDate(d: CivilDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

function toDayjs(date: string): dayjs.Dayjs {
  const { year, month, day } = parseDate(date);
  // dayjs.utc('0050-03-01') reads year 50 as 1950 (Date.UTC); setting the fields does not.
  return dayjs.utc(0).year(year).month(month - 1).date(day);
}

const ISO = 'YYYY-MM-DD';

/** Days since 1970-01-01 (proleptic Gregorian). */
export function toDayNumber(date: string): number {
  return Math.round(toDayjs(date).valueOf() / MS_PER_DAY);
}

export function fromDayNumber(dayNumber: number): string {
  return dayjs.utc(dayNumber * MS_PER_DAY).format(ISO);
}

export function addDays(date: string, n: number): string {
  return toDayjs(date).add(n, 'day').format(ISO);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return toDayjs(date).day();
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
  return toDayjs(date).add(months, 'month').format(ISO);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier): 2026-02-27 → 2026-03-02 is 3. */
export function daysBetween(from: string, to: string): number {
  return toDayjs(to).diff(toDayjs(from), 'day');
}
