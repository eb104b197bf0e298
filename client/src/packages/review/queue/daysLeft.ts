// Working days a reviewer has left before an item's result date (the day the points are published), counted with
// the rules package's official calendar through the applicants' countdown helper. A year whose holidays are not yet
// published is said in words, never guessed (RULES.md).
import { addCalendarDays, formatChineseDate } from '@hz-points/shared';
import { countdown } from '../../apply/common/workdays';

/**
 * e.g. "距结果公布日（2026年3月30日）还剩5个工作日". Today counts while it is a working day; the result day itself
 * does not (the result is published that day).
 */
export function describeDaysLeft(resultDate: string | null | undefined, now: Date): string {
  if (!resultDate) return '结果公布日期待公布（该年度节假日安排尚未公布，暂无法计算）';
  const day = formatChineseDate(resultDate);
  const c = countdown(addCalendarDays(resultDate, -1), now);
  if (c.kind === 'closed') return `结果公布日（${day}）已到，审核期限已过`;
  if (c.kind === 'unknown-calendar') return `距结果公布日（${day}）的剩余工作日待公布（${c.year}年节假日安排尚未公布）`;
  return `距结果公布日（${day}）还剩${c.workdaysLeft}个工作日`;
}
