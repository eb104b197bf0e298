// Reading whole collections a page at a time (a CloudBase function's query returns at most 100 documents by
// default, and one huge read would hold the instance's memory at once).
import { formatChineseDate, formatChineseMonthDay, isWorkday } from '@hz-points/shared';
import type { Doc, Store, Where } from '../../storage/store';

const PAGE = 100;

export async function forEachDoc<T extends Doc>(store: Store, collection: string, where: Where, visit: (doc: T) => void, page = PAGE): Promise<void> {
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
  let n = 0;
  const d = new Date(`${from}T00:00:00Z`);
  const end = `${to}`;
  for (let guard = 0; guard < 3700; guard++) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.toISOString().slice(0, 10);
    if (day > end) return n;
    try {
      if (isWorkday(day)) n++;
    } catch {
      return null;
    }
  }
  return n;
}

/** The Monday of the week of a date ('YYYY-MM-DD'). */
export function weekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

/** 2026-10-05 → 10月5日 (axis labels; sentences use the full 2026年10月5日): the rules package's formatters. */
export const monthDay = formatChineseMonthDay;
export const chineseDate = formatChineseDate;
