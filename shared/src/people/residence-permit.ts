import { addMonths, compareDates, parseDate } from '../calendar/civil-date';
import { ageOn } from './age';
import type { StatedCitation } from '../citation';
import { type ConditionResult, type EvaluationStatus, reasonsOf, statusOf } from './evaluation';

/** R2023 §三(一): conditions for a Zhejiang residence permit (《浙江省居住证》) at the place of residence. */
export const RESIDENCE_PERMIT_RULES = {
  /**
   * "居住登记半年及以上": read as 6 calendar months to the day (registered 2025-01-15 → qualifies from 2025-07-15;
   * a 31st clamps to the month's last day). Our reading; the text does not say how half a year is counted.
   */
  minRegistrationMonths: 6,
  citation: { doc: 'R2023', clause: '三(一)', verified: true } satisfies StatedCitation,
  halfYearCitation: {
    doc: 'outside-source',
    clause: '三(一)「半年」按6个自然月计算至对日（本工具的理解）',
    verified: false,
  } satisfies StatedCitation,
  /** "未满16周岁的未成年人，可凭共同居住的父母或法定监护人一方的居住证申领" */
  minorMaxAgeExclusive: 16,
};

export interface ResidencePermitInput {
  /** Date residence registration (居住登记) started at the current address. */
  registrationStart?: string;
  /** The Beijing date of the application. */
  on: string;
  legalStableResidence?: boolean;
  legalStableEmployment?: boolean;
  continuousStudy?: boolean;
  birthDate?: string;
  /** A parent or legal guardian living with the applicant holds a (valid) residence permit. */
  parentOrGuardianPermit?: boolean;
}

export interface ResidencePermitResult {
  eligible: boolean;
  status: EvaluationStatus;
  /** Which route qualifies: the general one, or a minor on a parent's or guardian's permit. */
  route: 'general' | 'minor-with-parent' | null;
  /** Chinese basis when eligible. */
  basis?: string;
  /** Chinese: why not (for the general route, and for the minor route when it applies). */
  reasons: string[];
  /** The first day the half-year registration is complete (when registrationStart is known). */
  registrationCompleteOn?: string;
  conditions: ConditionResult[];
}

function generalRoute(input: ResidencePermitInput): { conditions: ConditionResult[]; completeOn?: string } {
  const rules = RESIDENCE_PERMIT_RULES;
  const conditions: ConditionResult[] = [];
  const requirement = '在居住地居住登记半年及以上';
  let completeOn: string | undefined;
  if (input.registrationStart === undefined) {
    conditions.push({
      key: 'registration',
      met: null,
      requirement,
      reason: `未提供居住登记日期，无法判断：${requirement}`,
      citation: rules.citation,
    });
  } else {
    parseDate(input.registrationStart); // INVALID_DATE for a malformed date
    completeOn = addMonths(input.registrationStart, rules.minRegistrationMonths);
    if (compareDates(input.registrationStart, input.on) > 0) {
      conditions.push({
        key: 'registration',
        met: false,
        requirement,
        reason: '居住登记日期晚于申请日期',
        citation: rules.citation,
      });
    } else if (compareDates(input.on, completeOn) < 0) {
      conditions.push({
        key: 'registration',
        met: false,
        requirement,
        reason: `居住登记未满半年（自${input.registrationStart}起，${completeOn}满半年）`,
        citation: rules.halfYearCitation,
      });
    } else {
      conditions.push({ key: 'registration', met: true, requirement, citation: rules.citation });
    }
  }
  const any = [input.legalStableResidence, input.legalStableEmployment, input.continuousStudy];
  const oneOf = '符合“有合法稳定住所”“合法稳定就业”“连续就读”条件之一';
  if (any.some((v) => v === true))
    conditions.push({ key: 'residenceEmploymentOrStudy', met: true, requirement: oneOf, citation: rules.citation });
  else if (any.every((v) => v === false))
    conditions.push({
      key: 'residenceEmploymentOrStudy',
      met: false,
      requirement: oneOf,
      reason: `须${oneOf}`,
      citation: rules.citation,
    });
  else
    conditions.push({
      key: 'residenceEmploymentOrStudy',
      met: null,
      requirement: oneOf,
      reason: `未提供住所、就业或就读信息，无法判断：${oneOf}`,
      citation: rules.citation,
    });
  return { conditions, completeOn };
}

/**
 * Whether a person may apply for a residence permit on `on` (R2023 §三(一)): half a year of residence registration
 * plus one of legal stable residence, legal stable employment or continuous study; or, under 16, on the permit of
 * a parent or legal guardian living with them. Pure: every fact is an input.
 */
export function residencePermitEligibility(input: ResidencePermitInput): ResidencePermitResult {
  parseDate(input.on);
  const rules = RESIDENCE_PERMIT_RULES;
  const general = generalRoute(input);
  const generalStatus = statusOf(general.conditions);
  const withDate = general.completeOn ? { registrationCompleteOn: general.completeOn } : {};
  if (generalStatus === 'eligible') {
    return {
      eligible: true,
      status: 'eligible',
      route: 'general',
      basis: '居住登记满半年，且符合合法稳定住所、合法稳定就业或连续就读条件之一',
      reasons: [],
      ...withDate,
      conditions: general.conditions,
    };
  }
  // The minor route only matters for someone under 16; it is evaluated when the birth date is known.
  if (input.birthDate !== undefined) {
    const age = ageOn(input.birthDate, input.on);
    if (age < rules.minorMaxAgeExclusive) {
      const minorRequirement = '未满16周岁，凭共同居住的父母或法定监护人一方的居住证申领';
      const minor: ConditionResult =
        input.parentOrGuardianPermit === true
          ? { key: 'parentOrGuardianPermit', met: true, requirement: minorRequirement, citation: rules.citation }
          : {
              key: 'parentOrGuardianPermit',
              met: input.parentOrGuardianPermit === false ? false : null,
              requirement: minorRequirement,
              reason:
                input.parentOrGuardianPermit === false
                  ? '共同居住的父母或法定监护人均未持有居住证'
                  : `未提供父母或监护人的居住证信息，无法判断：${minorRequirement}`,
              citation: rules.citation,
            };
      if (minor.met === true) {
        return {
          eligible: true,
          status: 'eligible',
          route: 'minor-with-parent',
          basis: `未满16周岁（当前${age}周岁），可凭共同居住的父母或法定监护人的居住证申领`,
          reasons: [],
          ...withDate,
          conditions: [minor],
        };
      }
      const conditions = [...general.conditions, minor];
      // Either route would do: the result is only "ineligible" when both fail.
      const status: EvaluationStatus =
        generalStatus === 'ineligible' && minor.met === false ? 'ineligible' : 'undetermined';
      return { eligible: false, status, route: null, reasons: reasonsOf(conditions), ...withDate, conditions };
    }
  }
  return {
    eligible: false,
    status: generalStatus,
    route: null,
    reasons: reasonsOf(general.conditions),
    ...withDate,
    conditions: general.conditions,
  };
}
