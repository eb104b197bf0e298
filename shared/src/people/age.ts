import type { StatedCitation } from '../citation';
import { parseDate, isLeapYear } from '../calendar/civil-date';

/**
 * How a 02-29 birthday is treated in a non-leap year. Neither source document says; we follow the common
 * Chinese administrative reading that a 02-29 birth reaches the next year of age on 03-01 of a non-leap year
 * (02-28 is still the day before the birthday). Unverified; kept as data so a later reading can change it.
 */
export const LEAP_DAY_BIRTHDAY_CONVENTION = {
  birthdayInNonLeapYear: '03-01' as const,
  citation: {
    doc: 'outside-source',
    clause: '周岁计算惯例：2月29日出生者在平年以3月1日为生日（两份来源文件均未规定）',
    verified: false,
  } satisfies StatedCitation,
};

/** 周岁 definition: birthday not yet reached this year → one less (RULES.md conventions; R2023 §二(一) uses 周岁). */
export const AGE_CITATION: StatedCitation = { doc: 'R2023', clause: '二(一)', verified: true };

/** Error for an 'on' date before the birth date: an age is never negative, and guessing would hide a data error. */
export class AgeBeforeBirthError extends Error {
  readonly code = 'AGE_BEFORE_BIRTH';
  constructor(birthDate: string, on: string) {
    super(`参考日期 ${on} 早于出生日期 ${birthDate}`);
    this.name = 'AgeBeforeBirthError';
  }
}

/**
 * 周岁 (completed years of age) on Beijing date `on`. Both arguments are 'YYYY-MM-DD'.
 * A birthday not yet reached in `on`'s year → one less; a 02-29 birth counts its birthday as 03-01 in a
 * non-leap year (see LEAP_DAY_BIRTHDAY_CONVENTION, unverified).
 */
export function ageOn(birthDate: string, on: string): number {
  const b = parseDate(birthDate);
  const d = parseDate(on);
  let bMonth = b.month;
  let bDay = b.day;
  if (bMonth === 2 && bDay === 29 && !isLeapYear(d.year)) {
    bMonth = 3;
    bDay = 1;
  }
  const reached = d.month > bMonth || (d.month === bMonth && d.day >= bDay);
  const age = d.year - b.year - (reached ? 0 : 1);
  if (age < 0) throw new AgeBeforeBirthError(birthDate, on);
  return age;
}
