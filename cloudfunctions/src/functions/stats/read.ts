// Reading whole collections a page at a time (a CloudBase function's query returns at most 100 documents by
// default, and one huge read would hold the instance's memory at once).
import {
  addCalendarDays,
  formatChineseDate,
  formatChineseMonthDay,
  startOfIsoWeek,
  workingDaysUntil,
} from '@hz-points/shared';
import type { Doc, Store, Where } from '../../storage/store';

const PAGE = 100;

export async function forEachDoc<T extends Doc>(
  store: Store,
  collection: string,
  where: Where,
  visit: (doc: T) => void,
  page = PAGE,
): Promise<void> {
  for (let skip = 0; ; skip += page) {
    const docs = await store.find<T>(collection, where, { orderBy: [['_id', 'asc']], limit: page, skip });
    for (const d of docs) visit(d);
    if (docs.length < page) return;
  }
}

/**
 * Working days after `from` up to and including `to` (0 on the same day), on the official schedule; null when a
 * day in between lies in a year whose schedule is unknown (never guessed as Monday–Friday).
 */
export function workdaysAfter(from: string, to: string): number | null {
  const first = addCalendarDays(from, 1); // a malformed `from` is a bug in the caller: it throws, as before
  try {
    return workingDaysUntil(to, first);
  } catch {
    return null;
  }
}

/** The Monday of the week of a date ('YYYY-MM-DD'). */
export const weekStart = startOfIsoWeek;

/** 2026-10-05 → 10月5日 (axis labels; sentences use the full 2026年10月5日): the rules package's formatters. */
export const monthDay = formatChineseMonthDay;
export const chineseDate = formatChineseDate;
