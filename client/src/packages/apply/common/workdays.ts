// Working-day countdowns for deadlines shown to applicants. Dates are Beijing dates (CONTRACTS.md); the count is the
// rules package's (`workingDaysUntil`, on the official calendar), and a year it does not know is reported, never
// guessed (RULES.md).
import {
  CalendarUnknownError,
  beijingDate,
  formatChineseDate as formatDate,
  isOpenAt,
  workingDaysUntil,
} from '@hz-points/shared';

export type Countdown =
  | { kind: 'open'; workdaysLeft: number; lastDay: string }
  | { kind: 'closed'; lastDay: string }
  | { kind: 'unknown-calendar'; lastDay: string; year: number };

/**
 * Working days still available until `lastDay` (inclusive) as seen at `now`: today counts while it is a working
 * day, because the deadline runs to 24:00 Beijing time of the last day.
 */
export function countdown(lastDay: string, now: Date): Countdown {
  if (!isOpenAt(lastDay, now)) return { kind: 'closed', lastDay };
  try {
    return { kind: 'open', workdaysLeft: workingDaysUntil(lastDay, beijingDate(now)), lastDay };
  } catch (e) {
    if (e instanceof CalendarUnknownError) return { kind: 'unknown-calendar', lastDay, year: e.year };
    throw e;
  }
}

/** Chinese sentence for a countdown, e.g. "截止2026年3月30日，还剩5个工作日". */
export function describeCountdown(c: Countdown): string {
  const day = formatChineseDate(c.lastDay);
  if (c.kind === 'closed') return `已于${day}截止`;
  if (c.kind === 'unknown-calendar') return `截止${day}（${c.year}年节假日安排尚未公布，暂无法计算剩余工作日）`;
  if (c.workdaysLeft === 0) return `截止${day}（今天为非工作日，截止日当天24:00前仍可办理）`;
  return `截止${day}，还剩${c.workdaysLeft}个工作日`;
}

/** A date in a row: the rules package's formatter (2026年3月30日), '—' where there is no date yet. */
export function formatChineseDate(date: string | null | undefined): string {
  return formatDate(date) || '—';
}
