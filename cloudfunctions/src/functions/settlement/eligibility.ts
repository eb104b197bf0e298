// The basic conditions of a points settlement application (RULES.md "Settlement application"; FAQ2021 Q5):
// a valid Zhejiang residence permit for the urban districts, points ≥ 100 in that round, age ≥ 18, full civil
// capacity, no urban-Hangzhou hukou. Each failed condition gives its own Chinese reason.
import { RANKING_RULE, ageOn } from '@hz-points/shared';

export interface EligibilityInput {
  birthDate: string;
  on: string;
  points: number;
  declarations: { validResidencePermit: boolean; fullCivilCapacity: boolean; hasUrbanHangzhouHukou: boolean };
}

export interface Eligibility {
  eligible: boolean;
  reasons: string[];
}

/** Adult age for settlement (满18周岁). */
export const SETTLEMENT_MIN_AGE = 18;

export function settlementEligibility(x: EligibilityInput): Eligibility {
  const reasons: string[] = [];
  if (!x.declarations.validResidencePermit) reasons.push('须持有有效的浙江省居住证（市区）');
  if (x.points < RANKING_RULE.minimumPoints) reasons.push(`本年度积分须达到${RANKING_RULE.minimumPoints}分（当前${x.points}分）`);
  if (ageOn(x.birthDate, x.on) < SETTLEMENT_MIN_AGE) reasons.push('须年满18周岁');
  if (!x.declarations.fullCivilCapacity) reasons.push('须具有完全民事行为能力');
  if (x.declarations.hasUrbanHangzhouHukou) reasons.push('已有杭州市区户籍的，不适用积分落户');
  return { eligible: reasons.length === 0, reasons };
}
