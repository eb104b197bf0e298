// Every date function of the rules package on days where a machine zone could shift a date: the US daylight-saving
// changes (2025-03-09, 2025-11-02), Beijing midnight, month ends and 02-29. Evaluated inside jest and in child
// processes with another TZ (machine-zone.test.ts); the answers must not depend on the zone.
import {
  addCalendarDays,
  ageOn,
  beijingDate,
  dayOfWeek,
  daysBetween,
  formatChineseDate,
  formatChineseDateTime,
  formatChineseMonthDay,
  isSettlementAcceptanceDay,
  isValidCivilDate,
  resultDate,
  roundDates,
  tryBeijingDate,
  workingDaysUntil,
} from '../../src';
import { addMonths, addYears, startOfMonth, toDayNumber } from '../../src/calendar/civil-date';

export function civilDateProbe() {
  const round = roundDates(2025);
  return {
    zoneOffsetJuly: new Date('2025-07-01T00:00:00Z').getTimezoneOffset(),
    valid: [isValidCivilDate('2024-02-29'), isValidCivilDate('2023-02-29'), isValidCivilDate('2025-3-01')],
    addDays: [
      addCalendarDays('2025-03-08', 1),
      addCalendarDays('2025-03-09', 1),
      addCalendarDays('2025-11-01', 2),
      addCalendarDays('2025-03-10', -1),
    ],
    daysBetween: [daysBetween('2025-03-01', '2025-04-01'), daysBetween('2025-10-26', '2025-11-09')],
    dayOfWeek: [dayOfWeek('2025-03-09'), dayOfWeek('2025-11-02'), dayOfWeek('2025-11-03')],
    dayNumber: toDayNumber('2025-03-09'),
    months: [
      addMonths('2025-08-31', 6),
      addMonths('2025-03-09', -1),
      addYears('2024-02-29', 1),
      startOfMonth('2025-03-09'),
    ],
    ages: [ageOn('2000-02-29', '2025-02-28'), ageOn('2000-02-29', '2025-03-01'), ageOn('1990-03-09', '2025-03-09')],
    round: [round.cutoffDate, round.lookbackFrom, round.settlementOpens, round.settlementCloses],
    acceptance: [isSettlementAcceptanceDay('2025-11-01'), isSettlementAcceptanceDay('2025-11-03')],
    resultDate: resultDate('2025-09-15'),
    workingDaysUntil: workingDaysUntil('2025-10-10', '2025-09-30'),
    beijing: [
      beijingDate(new Date('2025-03-09T15:59:59.999Z')),
      beijingDate(new Date('2025-03-09T16:00:00.000Z')),
      tryBeijingDate('2025-11-02T09:30:00Z'),
    ],
    chinese: [
      formatChineseDate('2025-03-09'),
      formatChineseDateTime('2025-11-30T16:00:00Z'),
      formatChineseDateTime('2025-03-09T10:30:00Z'),
      formatChineseMonthDay('2025-10-05'),
    ],
  };
}
