// Evaluated both inside jest and in child processes with another TZ (see deadlines.test.ts).
import { beijingDate, beijingStartOfDay, isOpenAt } from '../../src/calendar';

export function probe() {
  return {
    zoneOffsetJuly: new Date('2025-07-01T00:00:00Z').getTimezoneOffset(),
    beforeMidnight: beijingDate(new Date('2025-11-30T15:59:59.999Z')),
    atMidnight: beijingDate(new Date('2025-11-30T16:00:00.000Z')),
    usDstChangeDay: beijingDate(new Date('2025-03-09T10:30:00Z')),
    startOfDay: beijingStartOfDay('2025-12-01').toISOString(),
    openAt235959: isOpenAt('2025-11-30', new Date('2025-11-30T23:59:59.999+08:00')),
    closedAt0000: isOpenAt('2025-11-30', new Date('2025-12-01T00:00:00.000+08:00')),
    openEarly: isOpenAt('2025-11-30', new Date('2025-11-01T00:00:00.000+08:00')),
    leapDayOpen: isOpenAt('2024-02-29', new Date('2024-02-29T23:59:59.999+08:00')),
    leapDayClosed: isOpenAt('2024-02-29', new Date('2024-03-01T00:00:00.000+08:00')),
  };
}
