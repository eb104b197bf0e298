// Later years of the official holiday schedule, registered by an administrator as data (`calendar.registerYear`),
// applied to the rules package's default calendar before any action runs — on every instance, so a cold-started
// function or the local cloud knows 2027 as soon as it is stored, without a code release.
import { coveredCalendarYears, registerCalendarYear, type CalendarYearData } from '@hz-points/shared';
import type { Doc, Store } from '../storage/store';
import { AppError } from './errors';
import type { Runtime } from './runtime';
import { COLLECTIONS } from './collections';

/** One registered year (`_id` = `year-<year>`). Never replaced: a stored deadline was computed from it. */
export interface CalendarYearDoc extends Doc, CalendarYearData {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
  registeredAt: string;
  registeredByOpenid: string;
}

export const calendarYearId = (year: number) => `year-${year}`;

/**
 * How long an instance trusts what it has read. Another instance's registration becomes visible here within this
 * time; the registering instance applies it at once (`applyCalendarYear`). A year is registered once a year, so one
 * small read a minute per instance is the whole cost; every other call is a clock comparison.
 */
const CALENDAR_REFRESH_MS = 60_000;

/**
 * After a failed read (storage down, or the collection not created yet on CloudBase), the next try waits this long:
 * the failure must not add a failing read and an error log to every call.
 */
export const CALENDAR_RETRY_MS = 10_000;

interface CacheState {
  readAt: number;
}

// Keyed by store: one store per instance in production; tests build many.
const cache = new WeakMap<Store, CacheState>();

/** Adds a stored year to the default calendar unless it is already there (built-in years are never replaced). */
export function applyCalendarYear(doc: Pick<CalendarYearData, 'year' | 'holidays' | 'workdays' | 'source'>): boolean {
  if (coveredCalendarYears().includes(doc.year)) return false;
  registerCalendarYear({ year: doc.year, holidays: doc.holidays, workdays: doc.workdays, source: doc.source });
  return true;
}

/**
 * Makes sure every registered year is in the default calendar. Cheap on the hot path (cached per store for
 * CALENDAR_REFRESH_MS). A failed read is logged, never fatal: without the year the
 * deadline actions answer CALENDAR_UNKNOWN, which is the truth, and unrelated actions keep working. Retried after
 * CALENDAR_RETRY_MS. `nowMs` is the runtime's clock (so tests and the local dev clock drive the cache like every other
 * time); a clock moved backwards reads again rather than trusting a cache "from the future".
 */
export async function ensureCalendarYears(store: Store, log: Runtime['log'] | undefined, nowMs: number): Promise<void> {
  const state = cache.get(store);
  if (state && nowMs >= state.readAt && nowMs - state.readAt < CALENDAR_REFRESH_MS) return;
  try {
    const docs = await store.find<CalendarYearDoc>(
      COLLECTIONS.calendarYears,
      {},
      { orderBy: [['year', 'asc']], limit: 100 },
    );
    for (const doc of docs) {
      try {
        applyCalendarYear(doc);
      } catch (err) {
        // A stored year the rules package refuses (validated on the way in, so only by hand-edited data): skip it,
        // so its dates stay unknown rather than wrong.
        log?.('error', 'stored calendar year rejected', {
          year: doc.year,
          errorName: err instanceof Error ? err.name : typeof err,
        });
      }
    }
    cache.set(store, { readAt: nowMs });
  } catch (err) {
    log?.('error', 'calendar years not loaded', { errorName: err instanceof Error ? err.name : typeof err });
    cache.set(store, { readAt: nowMs - CALENDAR_REFRESH_MS + CALENDAR_RETRY_MS });
  }
}

/** Forces the next `ensureCalendarYears` on this store to read again (after this instance registered a year). */
export function invalidateCalendarYears(store: Store): void {
  cache.delete(store);
}

/**
 * The envelope error for the rules package's CalendarUnknownError, naming the year: the applicant or reviewer
 * learns which year's State Council notice the deadline waits for (`error.year` is not personal data).
 */
export function calendarUnknownError(err: unknown): AppError {
  const year = (err as { year?: unknown } | null)?.year;
  return new AppError(
    'CALENDAR_UNKNOWN',
    typeof year === 'number' && Number.isInteger(year)
      ? `${year}年国家法定节假日安排尚未公布（或尚未录入本系统），暂无法计算办理时限，请待公布后再办理`
      : undefined,
  );
}

/**
 * A deadline, or null while a year it needs is not in the calendar (the caller shows it as pending). Any other
 * error still throws: only an unknown year is an expected state.
 */
export function deadlineOrPending(compute: () => string): string | null {
  try {
    return compute();
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code === 'CALENDAR_UNKNOWN') return null;
    throw err;
  }
}

/**
 * The envelope error for a date the rules package cannot read (`INVALID_DATE` from the calendar's parser,
 * `CALENDAR_INPUT` for an unreadable instant), or null for any other error. Inputs are validated
 * (`IsoDateSchema`), so inside an action such a date can only come from storage (hand-edited data, or data stored
 * before dates were validated): a stable code the client can show, and an English log line naming the action —
 * never the date itself, which may be a birth date.
 */
export function storedDateError(err: unknown, action: string, log: Runtime['log']): AppError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (code !== 'INVALID_DATE' && code !== 'CALENDAR_INPUT') return null;
  log('error', 'stored date unreadable', { action, errorName: err instanceof Error ? err.name : typeof err });
  return new AppError('STORED_DATE_INVALID');
}
