import type { StatedCitation } from '../citation';
import { addMonths, addYears, compareDates, startOfMonth, tryParseDate, InvalidDateError } from './civil-date';
import { formatChineseDate } from './chinese-format';
import { CalendarInputError, RoundUnknownError } from './errors';
import { defaultCalendar } from './calendar-data';

/** A round's timetable rule, chosen by year (the first matching entry wins). */
export interface RoundRule {
  fromYear: number;
  toYear: number | null;
  /** 'MM-DD' in the round's year. */
  settlementOpens: string;
  settlementCloses: string;
  /** Points application window for the round; `opens: null` where the sources name no start. */
  pointsApplication: { opens: string | null; closes: string };
  citation: StatedCitation;
}

export const ROUND_RULES: readonly RoundRule[] = [
  {
    // 2021 was a transition year: settlement acceptance extended by 15 days.
    fromYear: 2021,
    toYear: 2021,
    settlementOpens: '11-01',
    settlementCloses: '12-15',
    pointsApplication: { opens: '09-28', closes: '10-31' },
    citation: { doc: 'FAQ2021', clause: '四、五', verified: true },
  },
  {
    // "从2022年开始每年一次，当年度10月1日前须完成积分申请。在11月1日至11月30日（节假日除外）集中受理".
    // "10月1日前" → the last day is 09-30; the sources name no opening day.
    fromYear: 2022,
    toYear: null,
    settlementOpens: '11-01',
    settlementCloses: '11-30',
    pointsApplication: { opens: null, closes: '09-30' },
    citation: { doc: 'FAQ2021', clause: '六', verified: true },
  },
];

/** Cut-off = first day of the month before the month in which the round's acceptance starts (FAQ2021 Q5). */
export const CUTOFF_RULE = {
  monthsBeforeAcceptance: 1,
  citation: { doc: 'FAQ2021', clause: '五（计分规则）', verified: true } satisfies StatedCitation,
};

/** Donation, volunteering, honours and tax evidence counts only within 5 years before the cut-off (FAQ2021 Q5). */
export const LOOKBACK_RULE = {
  years: 5,
  citation: { doc: 'FAQ2021', clause: '五（计分规则）', verified: true } satisfies StatedCitation,
};

/** From 2024-03-01 points applications are accepted all year round. Public copies only: unverified. */
export const YEAR_ROUND_POINTS_APPLICATION = {
  from: '2024-03-01',
  citation: {
    doc: 'outside-source',
    clause: '公开转载：2024年3月1日起居住证积分申请全年受理（积分落户申请仍为每年11月）',
    verified: false,
  } satisfies StatedCitation,
};

export interface RoundDates {
  year: number;
  /** Indicator cut-off date (指标计算截止时间): evidence must be obtained before it; age is taken on it. */
  cutoffDate: string;
  settlementOpens: string;
  /** Last day of settlement acceptance (holidays excluded within the window: see isSettlementAcceptanceDay). */
  settlementCloses: string;
  /** First day of the 5-year look-back window (donation, volunteering, honours, tax). */
  lookbackFrom: string;
  pointsApplication: {
    /** null where the sources name no opening day. */
    opens: string | null;
    /** Last day on which the round's points application must be complete. */
    closes: string;
    /** True when points applications are accepted all year (from 2024-03-01; unverified public copy). */
    yearRound: boolean;
    yearRoundCitation: StatedCitation | null;
  };
  citations: StatedCitation[];
}

function ruleFor(year: number): RoundRule {
  const rule = ROUND_RULES.find((r) => year >= r.fromYear && (r.toYear === null || year <= r.toYear));
  if (!rule) throw new RoundUnknownError(year);
  return rule;
}

/** The yearly cycle's key dates for the round of `year` (2021 onward). */
export function roundDates(year: number): RoundDates {
  if (!Number.isInteger(year)) throw new CalendarInputError(`年度须为整数，收到 ${year}`);
  const rule = ruleFor(year);
  const at = (mmdd: string) => `${String(year).padStart(4, '0')}-${mmdd}`;
  const settlementOpens = at(rule.settlementOpens);
  const cutoffDate = startOfMonth(addMonths(settlementOpens, -CUTOFF_RULE.monthsBeforeAcceptance));
  const lookbackFrom = addYears(cutoffDate, -LOOKBACK_RULE.years);
  const closes = at(rule.pointsApplication.closes);
  // Year-round acceptance applies to a round whose points deadline falls after the change.
  const yearRound = compareDates(closes, YEAR_ROUND_POINTS_APPLICATION.from) >= 0;
  return {
    year,
    cutoffDate,
    settlementOpens,
    settlementCloses: at(rule.settlementCloses),
    lookbackFrom,
    pointsApplication: {
      opens: rule.pointsApplication.opens === null ? null : at(rule.pointsApplication.opens),
      closes,
      yearRound,
      yearRoundCitation: yearRound ? YEAR_ROUND_POINTS_APPLICATION.citation : null,
    },
    citations: [rule.citation, CUTOFF_RULE.citation, LOOKBACK_RULE.citation],
  };
}

/**
 * Whether settlement applications are accepted on `date`: inside the round's window and a working day.
 * "节假日除外" is read as 'closed on non-working days' (weekends and statutory holidays, open on make-up days),
 * as registry windows are. Throws CALENDAR_UNKNOWN for a year whose holidays are unknown.
 */
export function isSettlementAcceptanceDay(date: string): boolean {
  const parsed = tryParseDate(date);
  if (!parsed) throw new InvalidDateError(date);
  let round: RoundDates;
  try {
    round = roundDates(parsed.year);
  } catch (e) {
    if (e instanceof RoundUnknownError) return false;
    throw e;
  }
  if (compareDates(date, round.settlementOpens) < 0 || compareDates(date, round.settlementCloses) > 0) return false;
  return defaultCalendar.isWorkday(date);
}

/**
 * The round whose points application a Beijing date belongs to, or null before the first window opens.
 * FAQ2021 Q6: from 2022 the points application must be complete before 10-01 of the year to count for that year's
 * settlement round. Past that deadline an application can only count for the next round — accepted straight away
 * where applications are taken all year (from 2024-03-01, unverified public copy), and for earlier rounds whose
 * opening day the sources do not name (`opens: null`: we assume from the day after the previous deadline).
 */
export function pointsApplicationRound(date: string): number | null {
  const parsed = tryParseDate(date);
  if (!parsed) throw new InvalidDateError(date);
  for (const year of [parsed.year, parsed.year + 1]) {
    let round: RoundDates;
    try {
      round = roundDates(year);
    } catch (e) {
      if (e instanceof RoundUnknownError) continue;
      throw e;
    }
    const { opens, closes } = round.pointsApplication;
    if (compareDates(date, closes) > 0) continue;
    return opens === null || compareDates(date, opens) >= 0 ? year : null;
  }
  return null;
}

/** The dates of a round whose order `roundDateOrderIssue` checks (as `roundDates` gives them, or as stored). */
export interface RoundDateOrderInput {
  cutoffDate: string;
  settlementOpens: string;
  settlementCloses: string;
  pointsApplication: { opens: string | null; closes: string };
}

/** The input field an out-of-order date is reported on (the admin's `dates` patch names these). */
export type RoundDateField = 'settlementOpens' | 'settlementCloses' | 'pointsApplicationCloses';

/**
 * Whether a round's dates are in the order `roundDates` gives them; the first violation, or null. The order
 * (FAQ2021 五、六): points applications (opening day ≤ last day) are complete before the settlement window opens,
 * the indicator cut-off (first day of the month before acceptance) lies before the window opens, and the window's
 * first day is not after its last. An admin's change that breaks it would leave deadlines no applicant can meet.
 * Every date must be a real 'YYYY-MM-DD' date; one that is not is reported on its field too (total: never throws).
 */
export function roundDateOrderIssue(d: RoundDateOrderInput): { field: RoundDateField; message: string } | null {
  const fields: Array<[RoundDateField | 'cutoffDate' | 'pointsApplicationOpens', string | null]> = [
    ['cutoffDate', d.cutoffDate],
    ['settlementOpens', d.settlementOpens],
    ['settlementCloses', d.settlementCloses],
    ['pointsApplicationOpens', d.pointsApplication.opens],
    ['pointsApplicationCloses', d.pointsApplication.closes],
  ];
  for (const [field, date] of fields) {
    if (date === null && field === 'pointsApplicationOpens') continue; // no opening day named (FAQ2021 六)
    if (typeof date !== 'string' || !tryParseDate(date)) {
      const reported: RoundDateField =
        field === 'cutoffDate'
          ? 'settlementOpens'
          : field === 'pointsApplicationOpens'
            ? 'pointsApplicationCloses'
            : field;
      return { field: reported, message: `${String(date)} 不是真实存在的日期` };
    }
  }
  const { cutoffDate, settlementOpens, settlementCloses } = d;
  const { opens, closes } = d.pointsApplication;
  if (compareDates(settlementOpens, cutoffDate) <= 0) {
    return { field: 'settlementOpens', message: `须晚于指标截止日（${formatChineseDate(cutoffDate)}）` };
  }
  if (compareDates(settlementCloses, settlementOpens) < 0) {
    return { field: 'settlementCloses', message: `不能早于落户申请开始日（${formatChineseDate(settlementOpens)}）` };
  }
  if (opens !== null && compareDates(closes, opens) < 0) {
    return { field: 'pointsApplicationCloses', message: `不能早于积分申请开始日（${formatChineseDate(opens)}）` };
  }
  if (compareDates(closes, settlementOpens) >= 0) {
    return {
      field: 'pointsApplicationCloses',
      message: `须早于落户申请开始日（${formatChineseDate(settlementOpens)}）`,
    };
  }
  return null;
}
