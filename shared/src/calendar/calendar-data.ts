import { addDays, dayOfWeek, parseDate, tryParseDate, InvalidDateError } from './civil-date';
import { CalendarInputError, CalendarUnknownError } from './errors';
import { OFFICIAL_CALENDAR_YEARS } from './official-years';

/** One year of the official schedule: statutory holiday dates and make-up working days (调休补班). */
export interface CalendarYearData {
  year: number;
  /** Days off: statutory holidays and the weekend days folded into them. */
  holidays: readonly string[];
  /** Weekend days that are working days (调休补班). */
  workdays: readonly string[];
  /** Where the schedule comes from, e.g. the State Council notice (国务院办公厅关于20XX年部分节假日安排的通知). */
  source: string;
}

/** One thing wrong with a year's data: where (as a path into it) and what, in words for the administrator. */
export interface CalendarYearIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Everything wrong with a year's data, none when it may be trusted (a typo in a registered year would silently move
 * deadlines). Written without the schema library on purpose: every exported date function reaches this module, the
 * home page among them, and it must not have to load zod to show a date. CalendarYearSchema (./calendar-schema) is
 * this same check as a zod schema, for callers that validate with zod.
 */
export function calendarYearIssues(data: unknown): CalendarYearIssue[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [{ path: [], message: '节假日数据须为一个对象（year、holidays、workdays、source）' }];
  }
  const { year, holidays, workdays, source } = data as Record<string, unknown>;
  const issues: CalendarYearIssue[] = [];
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100;
  if (!yearOk) issues.push({ path: ['year'], message: '年份须为 2000 至 2100 之间的整数' });
  const lists = { holidays, workdays };
  for (const key of ['holidays', 'workdays'] as const) {
    const list = lists[key];
    if (!Array.isArray(list) || list.some((d) => typeof d !== 'string')) {
      issues.push({
        path: [key],
        message: `${key === 'holidays' ? '节假日' : '调休工作日'}须为日期（YYYY-MM-DD）的列表`,
      });
    }
  }
  if (typeof source !== 'string' || source.trim().length === 0) {
    issues.push({ path: ['source'], message: '须注明节假日安排的来源（如国务院办公厅通知文号）' });
  }
  if (issues.length > 0) return issues;

  const checked = data as CalendarYearData;
  const inYear = (d: string) => tryParseDate(d) !== null && d.startsWith(`${checked.year}-`);
  for (const key of ['holidays', 'workdays'] as const) {
    checked[key].forEach((d, i) => {
      if (!inYear(d)) issues.push({ path: [key, i], message: `${d} 不是 ${checked.year} 年内的有效日期` });
    });
  }
  const holidaySet = new Set(checked.holidays);
  checked.workdays.forEach((d, i) => {
    if (holidaySet.has(d)) {
      issues.push({ path: ['workdays', i], message: `${d} 不能同时是节假日和调休工作日` });
    } else if (tryParseDate(d) && dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6) {
      // A make-up working day is by definition a weekend day; a weekday here is a data error.
      issues.push({ path: ['workdays', i], message: `${d} 不是周末，不能作为调休工作日` });
    }
  });
  return issues;
}

interface YearIndex {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  source: string;
}

/**
 * A working-day calendar over the years it knows. The module keeps one default instance (official years from the
 * extracted chinese-days data); `createWorkCalendar` gives an isolated one (tests, or a cloud side that loads
 * years from its own configuration).
 */
export class WorkCalendar {
  private readonly years = new Map<number, YearIndex>();

  constructor(years: readonly CalendarYearData[] = []) {
    for (const y of years) this.register(y);
  }

  /**
   * Adds (or, with `replace`, corrects) a year's schedule. Replacing must be explicit so that a mistaken call
   * cannot quietly overwrite the official data.
   */
  register(data: CalendarYearData, options: { replace?: boolean } = {}): void {
    const issues = calendarYearIssues(data);
    if (issues.length > 0) {
      throw new CalendarInputError(`节假日数据有误：${issues.map((i) => i.message).join('；')}`);
    }
    if (this.years.has(data.year) && !options.replace) {
      throw new CalendarInputError(`${data.year}年的节假日安排已存在；如需更正请指定 replace`);
    }
    this.years.set(data.year, {
      holidays: new Set(data.holidays),
      workdays: new Set(data.workdays),
      source: data.source,
    });
  }

  /** Years whose schedule is known, ascending. */
  coveredYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  isCovered(year: number): boolean {
    return this.years.has(year);
  }

  sourceOf(year: number): string {
    return this.yearIndex(year).source;
  }

  private yearIndex(year: number): YearIndex {
    const index = this.years.get(year);
    if (!index) throw new CalendarUnknownError(year);
    return index;
  }

  /** Official working day: a make-up day, or Monday–Friday that is not a holiday. Throws CALENDAR_UNKNOWN. */
  isWorkday(date: string): boolean {
    const parsed = tryParseDate(date);
    if (!parsed) throw new InvalidDateError(date);
    const index = this.yearIndex(parsed.year);
    if (index.workdays.has(date)) return true;
    if (index.holidays.has(date)) return false;
    const dow = dayOfWeek(date);
    return dow !== 0 && dow !== 6;
  }

  /** Statutory holiday (not an ordinary weekend). Throws CALENDAR_UNKNOWN. */
  isHoliday(date: string): boolean {
    const parsed = tryParseDate(date);
    if (!parsed) throw new InvalidDateError(date);
    return this.yearIndex(parsed.year).holidays.has(date);
  }

  /**
   * The n-th working day after `date`, counting from the next day (RULES.md: D + 20 working days is the 20th working
   * day after D). `date` itself may be any day, including a holiday. n must be a positive integer.
   */
  addWorkdays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 1) {
      throw new CalendarInputError(`工作日数须为正整数，收到 ${n}`);
    }
    parseDate(date); // throws INVALID_DATE
    let current = date;
    let remaining = n;
    while (remaining > 0) {
      current = addDays(current, 1);
      if (this.isWorkday(current)) remaining -= 1;
    }
    return current;
  }
}

export function createWorkCalendar(years: readonly CalendarYearData[] = OFFICIAL_CALENDAR_YEARS): WorkCalendar {
  return new WorkCalendar(years);
}

/** The default calendar every exported function uses. */
export const defaultCalendar: WorkCalendar = createWorkCalendar();

export function isWorkday(date: string): boolean {
  return defaultCalendar.isWorkday(date);
}

export function isHoliday(date: string): boolean {
  return defaultCalendar.isHoliday(date);
}

export function addWorkdays(date: string, n: number): string {
  return defaultCalendar.addWorkdays(date, n);
}

/**
 * Working days from `today` to `lastDay`, both counted (a deadline runs to 24:00 of its last day, so today counts
 * while it is a working day); 0 when `lastDay` is before today. Throws CalendarUnknownError for a year without a
 * published schedule, like every working-day count.
 */
export function workingDaysUntil(lastDay: string, today: string): number {
  let count = 0;
  for (let day = today; day <= lastDay; day = addDays(day, 1)) if (defaultCalendar.isWorkday(day)) count += 1;
  return count;
}

/**
 * Adds a later year's official schedule as data (e.g. loaded from configuration after the State Council publishes
 * it), so no release of the package's code is needed. Affects the default calendar.
 */
export function registerCalendarYear(data: CalendarYearData, options: { replace?: boolean } = {}): void {
  defaultCalendar.register(data, options);
}

export function coveredCalendarYears(): number[] {
  return defaultCalendar.coveredYears();
}

export { OFFICIAL_CALENDAR_YEARS };
