// 个人所得税: dated data (cap 20, then 80 from R2023), the separate reading for 个体工商户/个人投资者, and the formula.
import { fmt, H, NOT_FILLED, thresholdHalves } from '../formula';
import type { Formula } from '../formula';
import type { Indicator, SubReading, ThresholdStepParams } from '../types';
import { FAQ_Q5, publicCopy, R2023_4, R2023_IN_FORCE, TABLE_COPY } from './common';

/**
 * 个体工商户/个人投资者: public copies of the indicator table describe a separate income-tax scale for them; neither of
 * our two documents has it, and no public copy with its figures was found. The assumption (in words, in the note):
 * only the personal income tax the person paid counts, on the general scale, under the same cap. Confidence C.
 */
function businessOwnerTaxReading(cap: number): SubReading<ThresholdStepParams> {
  return {
    params: { threshold: 10000, firstPoints: 1, step: 5000, stepPoints: 1, cap },
    source: publicCopy('指标表公开转载：个体工商户、个人投资者的纳税另有计分标准（未找到载明具体数额的转载）'),
    verified: false,
    confidence: 'C',
    note:
      '公开转载的指标表称个体工商户、个人投资者的纳税另按单独标准计分，但未找到该标准的具体数额。本工具的假设：' +
      '只计本人名下在市区缴纳的个人所得税（含经营所得个人所得税，不含增值税等其他税种和以企业名义缴纳的税款），' +
      `按一般标准计分（满1万元1分，此后每满5000元加1分），最高分与一般标准相同（${cap}分）。实际标准可能不同，以税务部门审核为准。`,
    alternatives: [{ params: {}, note: '单独标准的读法：起点、步长与计入的税种未知，结果可能高于或低于本估算。' }],
  };
}

export const incomeTaxIndicator: Indicator<'incomeTax'> = {
  code: 'incomeTax',
  label: '个人所得税',
  group: 'bonus',
  department: 'tax',
  evidence: ['个人所得税完税证明（截止日前5年内在市区缴纳）'],
  lookBackYears: 5,
  lookBackSource: FAQ_Q5,
  summary:
    '截止日前5年内在市区累计缴纳个人所得税满1万元1分，此后每满5000元加1分；最高分2023年5月8日起由20分提高到80分。' +
    '个体工商户、个人投资者另有单独标准，其数额未找到公开依据，暂按同一标准估算。',
  versions: [
    {
      id: 'incomeTax-cap20',
      from: null,
      until: R2023_IN_FORCE,
      params: {
        threshold: 10000,
        firstPoints: 1,
        step: 5000,
        stepPoints: 1,
        cap: 20,
        businessOwner: businessOwnerTaxReading(20),
      },
      source: R2023_4,
      otherSources: [TABLE_COPY],
      verified: false,
      confidence: 'B',
      note: '原最高20分见R2023（"从20分提高到80分"）；按金额计分的标准来自公开转载，未经核实，也未见其他读法。',
    },
    {
      id: 'incomeTax-cap80',
      from: R2023_IN_FORCE,
      until: null,
      params: {
        threshold: 10000,
        firstPoints: 1,
        step: 5000,
        stepPoints: 1,
        cap: 80,
        businessOwner: businessOwnerTaxReading(80),
      },
      source: R2023_4,
      otherSources: [TABLE_COPY],
      verified: false,
      confidence: 'B',
      note: '最高80分经R2023核实（A）；R2023未给出按金额计分的标准，沿用公开转载的"满1万元1分、每满5000元加1分"（B），未见其他读法。',
    },
  ],
};

/**
 * 1 point at the threshold, + 1 per further full step, up to the version's cap. A business owner is scored on their
 * own (unverified, C) reading, and the item then carries that reading's source and confidence.
 */
export const incomeTaxFormula: Formula<'incomeTax'> = (profile, version, context) => {
  const tax = profile.incomeTaxYuan;
  if (tax === undefined) return { halves: 0, explanation: NOT_FILLED };
  if (tax > 0) context.lookBack = true;
  const reading = profile.taxpayerType === 'business-owner' ? version.params.businessOwner : null;
  const p = reading ? reading.params : version.params;
  const halves = thresholdHalves(tax, p);
  const who = reading ? '个体工商户、个人投资者（计分标准未核实）' : '';
  const explanation =
    halves === 0
      ? `${who}5年内纳税${tax}元，不足${p.threshold}元：0分`
      : `${who}5年内纳税${tax}元${halves === H(p.cap) ? `，已达上限${p.cap}分` : ''}：${fmt(halves)}分`;
  if (!reading) return { halves, explanation };
  return {
    halves,
    explanation,
    provenance: {
      source: reading.source,
      verified: reading.verified,
      confidence: reading.confidence,
      note: reading.note,
    },
  };
};
