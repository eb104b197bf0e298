// Public surface of the calendar barrel (owner: people/calendar engineer). Generic date helpers stay internal so
// their names cannot collide with other barrels under `export *`.
export {
  InvalidDateError,
  isValidDate as isValidCivilDate,
  addDays as addCalendarDays,
  daysBetween,
  dayOfWeek,
  startOfIsoWeek,
} from './civil-date';
export { CalendarUnknownError, CalendarInputError, RoundUnknownError } from './errors';
export {
  type CalendarYearData,
  type CalendarYearIssue,
  calendarYearIssues,
  WorkCalendar,
  createWorkCalendar,
  defaultCalendar,
  isWorkday,
  isHoliday,
  addWorkdays,
  workingDaysUntil,
  registerCalendarYear,
  coveredCalendarYears,
  OFFICIAL_CALENDAR_YEARS,
} from './calendar-data';
export { CalendarYearSchema } from './calendar-schema';
export {
  type RoundRule,
  type RoundDates,
  ROUND_RULES,
  CUTOFF_RULE,
  LOOKBACK_RULE,
  YEAR_ROUND_POINTS_APPLICATION,
  roundDates,
  isSettlementAcceptanceDay,
  pointsApplicationRound,
  roundDateOrderIssue,
  type RoundDateOrderInput,
  type RoundDateField,
} from './rounds';
export {
  PERIODS as DEADLINE_PERIODS,
  resultDate,
  resultPublicationDay,
  objectionDeadline,
  objectionAnswerDeadline,
  certificateDate,
  admissionNoticeExpiry,
} from './deadlines';
export {
  beijingDate,
  tryBeijingDate,
  beijingHour,
  beijingIsoInstant,
  beijingStartOfDay,
  isOpenAt,
} from './beijing-time';
export {
  HOLIDAY_SCHEDULE_REMINDER,
  type HolidayScheduleReminder,
  holidayScheduleReminder,
} from './holiday-schedule-reminder';
export { formatChineseDate, formatChineseDateTime, formatChineseMonth, formatChineseMonthDay } from './chinese-format';
