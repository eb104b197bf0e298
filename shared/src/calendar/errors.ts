/**
 * A date in a year whose official holiday schedule we do not hold. Working days are never guessed
 * (RULES.md: an unknown year must not silently be treated as Monday–Friday), so callers must catch this code and
 * tell the user that the deadline cannot be computed yet.
 */
export class CalendarUnknownError extends Error {
  readonly code = 'CALENDAR_UNKNOWN';
  constructor(readonly year: number) {
    super(`${year}年的法定节假日安排尚未收录，无法计算工作日`);
    this.name = 'CalendarUnknownError';
  }
}

/** Bad input to a calendar function (e.g. a non-integer working-day count, or malformed calendar data). */
export class CalendarInputError extends Error {
  readonly code = 'CALENDAR_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'CalendarInputError';
  }
}

/** A points/settlement round before the 2021 revision: none of our sources describe it. */
export class RoundUnknownError extends Error {
  readonly code = 'ROUND_UNKNOWN';
  constructor(readonly year: number) {
    super(`${year}年度积分落户的时间安排不在现有政策依据中`);
    this.name = 'RoundUnknownError';
  }
}
