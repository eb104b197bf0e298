import type { StatedCitation } from '../citation';
import { addDays, parseDate } from './civil-date';
import { defaultCalendar } from './calendar-data';

/**
 * FAQ2021 question 五 ("2021 年度积分落户的申请流程如何？"), cited as Q5 like every FAQ2021 clause in the rule data,
 * with the step of the answer. One object per step, shared with the yearly timeline (scoring/timeline.ts), so a
 * period and the timeline step that describes it cannot cite it differently.
 */
export const FAQ_Q5_STEP_2 = {
  doc: 'FAQ2021',
  clause: 'Q5',
  description: '第二步',
  verified: true,
} as const satisfies StatedCitation;
export const FAQ_Q5_STEP_3 = {
  doc: 'FAQ2021',
  clause: 'Q5',
  description: '第三步',
  verified: true,
} as const satisfies StatedCitation;
export const FAQ_Q5_STEP_4 = {
  doc: 'FAQ2021',
  clause: 'Q5',
  description: '第四步',
  verified: true,
} as const satisfies StatedCitation;

/** Each period of the yearly cycle, as cited data (RULES.md "The yearly cycle"). */
export const PERIODS = {
  /** "受理的20个工作日后自行查询积分" */
  result: { workdays: 20, citation: FAQ_Q5_STEP_2 },
  /** "如有异议，需在7个工作日内提出，逾期视为确认分值" — counted from the result day. */
  objection: { workdays: 7, citation: FAQ_Q5_STEP_2 },
  /** An objection is answered within 15 working days: public practice (RULES.md review section), not our sources. */
  objectionAnswer: {
    workdays: 15,
    citation: {
      doc: 'outside-source',
      clause: 'RULES.md「Review in practice」：异议15个工作日内答复',
      verified: false,
    },
  },
  /** "获得积分的7个工作日后，可…打印积分有效凭证" */
  certificate: { workdays: 7, citation: FAQ_Q5_STEP_3 },
  /**
   * 《积分落户准入通知书》（有效期60天）. Calendar days; the sources do not say how they are counted. We follow the
   * general Chinese rule for periods (民法典 第二百零一条: the starting day is not counted), so the last valid day is
   * the issue day + 60. We do NOT extend a last day that falls on a holiday (民法典 第二百零三条) — the earlier
   * date is the safe one to show an applicant. Unverified.
   */
  admissionNotice: {
    calendarDays: 60,
    citation: FAQ_Q5_STEP_4,
    countingCitation: {
      doc: 'outside-source',
      clause: '期间计算：开始当日不计入（民法典第二百零一条）；来源文件未规定',
      verified: false,
    },
  },
} as const satisfies Record<
  string,
  { citation: StatedCitation; workdays?: number; calendarDays?: number; countingCitation?: StatedCitation }
>;

/** The day the applicant can look up their points: 20 working days after acceptance (受理). */
export function resultDate(acceptedOn: string): string {
  return defaultCalendar.addWorkdays(acceptedOn, PERIODS.result.workdays);
}

/**
 * The day a result is published (points visible to the applicant, items locked, the objection period starts): the
 * later of `resultDate` and the day the last item was decided (a late department delays the result rather than
 * publishing a partial one). While an item is returned it may still be supplemented until `resultDate` 24:00 Beijing
 * (our decision: the sources name no supplement period), and a supplement sends it back to review — so a result with
 * a returned item is published the day after `resultDate` at the earliest: it is never shown while it can change.
 * Dates are 'YYYY-MM-DD'; throws INVALID_DATE for anything else.
 */
export function resultPublicationDay(resultDateOf: string, lastDecisionOn: string, hasReturnedItem: boolean): string {
  const firstPossible = hasReturnedItem ? addDays(resultDateOf, 1) : resultDateOf;
  parseDate(lastDecisionOn); // throws INVALID_DATE
  return lastDecisionOn > firstPossible ? lastDecisionOn : firstPossible;
}

/** Last day to raise an objection: the 7th working day after the result day; open until its 24:00 Beijing. */
export function objectionDeadline(resultOn: string): string {
  return defaultCalendar.addWorkdays(resultOn, PERIODS.objection.workdays);
}

/** Last day for the district office to answer an objection (15 working days; unverified). */
export function objectionAnswerDeadline(objectionOn: string): string {
  return defaultCalendar.addWorkdays(objectionOn, PERIODS.objectionAnswer.workdays);
}

/** First day the points certificate (积分有效凭证) can be printed: 7 working days after the points are granted. */
export function certificateDate(grantedOn: string): string {
  return defaultCalendar.addWorkdays(grantedOn, PERIODS.certificate.workdays);
}

/** Last day of validity of the admission notice (准入通知书): issue day + 60 calendar days (issue day not counted). */
export function admissionNoticeExpiry(issuedOn: string): string {
  parseDate(issuedOn); // throws INVALID_DATE
  return addDays(issuedOn, PERIODS.admissionNotice.calendarDays);
}
