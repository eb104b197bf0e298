// 年龄: dated data (the pre-2023 table and R2023's) and the formula that reads it.
import { ageOn } from '../../people/age';
import { fmt, H } from '../formula';
import type { Formula } from '../formula';
import type { AgeParams, Indicator } from '../types';
import { R2023_4, R2023_IN_FORCE, TABLE_COPY } from './common';

export const ageIndicator: Indicator<'age'> = {
  code: 'age',
  label: '年龄',
  group: 'basic',
  department: 'public-security',
  evidence: ['居民身份证（以身份证出生日期计算截止日的周岁）'],
  lookBackYears: null,
  summary: '按指标截止日的周岁计分。2023年5月8日起：18至40周岁30分，超过40周岁每增加1岁减2分，直至不得分。',
  versions: [
    {
      id: 'age-pre2023',
      from: null,
      until: R2023_IN_FORCE,
      params: {
        minAge: 18,
        anchorAge: 56,
        anchorPoints: 5,
        perYear: 2,
        maxPoints: 30,
        floorPoints: 5,
        zeroAboveAge: 60,
      },
      source: TABLE_COPY,
      verified: false,
      confidence: 'B',
      note:
        '2023年以前的年龄分值表来自公开转载：56至60周岁5分，每年轻1岁加2分，最高30分（43周岁及以下30分）；60周岁以上0分。' +
        '18周岁以下按0分处理（来源未提及）。',
    },
    {
      id: 'age-R2023',
      from: R2023_IN_FORCE,
      until: null,
      params: {
        minAge: 18,
        anchorAge: 40,
        anchorPoints: 30,
        perYear: 2,
        maxPoints: 30,
        floorPoints: 0,
        zeroAboveAge: null,
      },
      source: R2023_4,
      verified: true,
      confidence: 'A',
      note: '18周岁以下按0分处理：R2023只规定了18周岁起的分值（此点为我们的假设）。',
    },
  ],
};

/** clamp(anchorPoints + perYear × (anchorAge − age), floorPoints, maxPoints) from minAge to zeroAboveAge, else 0. */
function ageHalves(age: number, p: AgeParams): number {
  if (age < p.minAge) return 0;
  if (p.zeroAboveAge !== null && age > p.zeroAboveAge) return 0;
  const raw = p.anchorPoints + p.perYear * (p.anchorAge - age);
  return H(Math.min(p.maxPoints, Math.max(p.floorPoints, raw)));
}

/** Age in 周岁 on the cut-off date. Under 18 (or born after the cut-off) scores 0 on our assumption, not the source's. */
export const ageFormula: Formula<'age'> = (profile, version, context) => {
  const p = version.params;
  if (profile.birthDate > context.cutoffDate) {
    context.warnings.push({ code: 'BORN_AFTER_CUTOFF', message: '出生日期晚于指标截止日，无法计算年龄分。' });
    return { halves: 0, explanation: '出生日期晚于截止日：0分', provenance: assumedUnderAge(version) };
  }
  const years = ageOn(profile.birthDate, context.cutoffDate);
  const halves = ageHalves(years, p);
  const draft = { halves, explanation: `截止日${years}周岁：${fmt(halves)}分` };
  if (years < p.minAge) {
    context.warnings.push({
      code: 'UNDER_18',
      message: `截止日时未满${p.minAge}周岁：来源未规定其年龄分，按0分估算（未核实）；积分落户须年满18周岁。`,
    });
    return { ...draft, provenance: assumedUnderAge(version) };
  }
  return draft;
};

/** The source that verifies the age table says nothing under 18: such a score rests on our assumption (C). */
function assumedUnderAge(version: Parameters<Formula<'age'>>[1]) {
  if (!version.verified) return undefined;
  return { source: version.source, verified: false, confidence: 'C' as const, note: version.note };
}
