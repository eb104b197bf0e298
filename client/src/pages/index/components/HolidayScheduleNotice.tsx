// The administrator's reminder that next year's official holiday schedule (国务院节假日安排) is not registered yet.
// Deadlines are counted in working days on that schedule and a year without it answers CALENDAR_UNKNOWN, so the
// home page says so from HOLIDAY_SCHEDULE_REMINDER.leadDays before the year ends (and at once if this year's own
// schedule is missing). The known years are the run-time list of the `calendar` function (built-in + registered).
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { holidayScheduleReminder, type HolidayScheduleReminder } from '@hz-points/shared';
import { callFunction } from '../../../services/cloud';
import type { ActionResult } from '@hz-points/shared';

/** The reminder for `today`, once the `calendar` function has said which years it knows (null while loading). */
export function useHolidayScheduleReminder(today: string, enabled: boolean): HolidayScheduleReminder | null {
  const [reminder, setReminder] = useState<HolidayScheduleReminder | null>(null);
  useEffect(() => {
    if (!enabled) {
      setReminder(null);
      return;
    }
    let alive = true;
    void callFunction<ActionResult<'calendar', 'list'>>('calendar', { action: 'list' }).then((env) => {
      // A failed list says nothing about the years: stay silent rather than raise a false alarm.
      if (!alive || !env.ok || !env.data) return;
      const known = [...env.data.years.map((y) => y.year), ...(env.data.covered ?? [])];
      setReminder(holidayScheduleReminder(today, known));
    });
    return () => {
      alive = false;
    };
  }, [today, enabled]);
  return reminder;
}

export function HolidayScheduleNotice({ reminder, onOpen }: { reminder: HolidayScheduleReminder; onOpen: () => void }) {
  const text =
    reminder.kind === 'current'
      ? `${reminder.year}年的国务院节假日安排尚未登记：本年度按工作日计算的期限（公示、异议答复等）目前无法计算，请尽快登记。`
      : `${reminder.year}年的国务院节假日安排尚未登记。${reminder.year}年1月1日起的期限按工作日计算，须先登记当年放假和调休上班日期；通知发布后请及时登记。`;
  return (
    <View className="hz-card hz-calendar-notice" role="alert" ariaRole="alert" aria-label="节假日安排提醒">
      <Text className="hz-card__title">⚠ 节假日安排待登记</Text>
      <Text className="hz-notice__text">{text}</Text>
      <View className="hz-link" role="button" ariaRole="button" ariaLabel="去登记节假日安排" onClick={onOpen}>
        去登记节假日安排 ›
      </View>
    </View>
  );
}
