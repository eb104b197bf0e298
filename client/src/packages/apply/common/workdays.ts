// Working-day countdowns for deadlines shown to applicants. Dates are Beijing dates (CONTRACTS.md); the count uses
// the rules package's official calendar, and a year it does not know is reported, never guessed (RULES.md).
import { CalendarUnknownError, beijingDate, isOpenAt, isWorkday } from '@hz-points/shared';

const MS_PER_DAY = 86_400_000;

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + MS_PER_DAY).toISOString().slice(0, 10);
}

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
  let day = beijingDate(now);
  let left = 0;
  try {
    // Bounded: deadlines in this product are at most a few months away.
    for (let i = 0; i < 800 && day <= lastDay; i += 1) {
      if (isWorkday(day)) left += 1;
      day = nextDay(day);
    }
  } catch (e) {
    if (e instanceof CalendarUnknownError) return { kind: 'unknown-calendar', lastDay, year: Number(day.slice(0, 4)) };
    throw e;
  }
  return { kind: 'open', workdaysLeft: left, lastDay };
}

/** Chinese sentence for a countdown, e.g. "截止2026年3月30日，还剩5个工作日". */
export function describeCountdown(c: Countdown): string {
  const day = formatChineseDate(c.lastDay);
  if (c.kind === 'closed') return `已于${day}截止`;
  if (c.kind === 'unknown-calendar') return `截止${day}（${c.year}年节假日安排尚未公布，暂无法计算剩余工作日）`;
  if (c.workdaysLeft === 0) return `截止${day}（今天为非工作日，截止日当天24:00前仍可办理）`;
  return `截止${day}，还剩${c.workdaysLeft}个工作日`;
}

export function formatChineseDate(date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
