// Deductions (减分, FAQ2021 Q3): dated data (superseded values before the 2021 revision) and one formula each.
// Each act is counted once, under its largest deduction (COMBINATION_RULES.oneActOneDeduction): the applicant or
// reviewer enters it under one kind only, so the formulas simply count.
import { fmt, H, NOT_FILLED } from '../formula';
import type { Draft, FormulaContext } from '../formula';
import type { ProfileInput } from '../profile';
import type { DeductionParams, Indicator, IndicatorVersion } from '../types';
import { CHECKED_BY_PUBLIC_SECURITY, FAQ_Q3, REVISION_2021_FROM, SUPERSEDED_2021 } from './common';

export const criminalIndicator: Indicator<'criminal'> = {
  code: 'criminal',
  label: '5年内一般刑事犯罪记录',
  group: 'deduction',
  department: 'public-security',
  evidence: [CHECKED_BY_PUBLIC_SECURITY],
  lookBackYears: 5,
  lookBackSource: FAQ_Q3,
  summary: '5年内有一般刑事犯罪记录的，每次扣150分（2021年修订前扣80分）。',
  versions: [
    {
      id: 'criminal-80',
      from: null,
      until: REVISION_2021_FROM,
      params: { each: 80, once: false },
      source: FAQ_Q3,
      verified: true,
      confidence: 'A',
      note: '2021年修订前的分值（已被取代）；适用的截止日范围为我们的推断。',
    },
    {
      id: 'criminal-150',
      from: REVISION_2021_FROM,
      until: null,
      params: { each: 150, once: false },
      source: FAQ_Q3,
      verified: true,
      confidence: 'A',
    },
  ],
};

export const drugRehabIndicator: Indicator<'drugRehab'> = {
  code: 'drugRehab',
  label: '5年内被强制隔离戒毒',
  group: 'deduction',
  department: 'public-security',
  evidence: [CHECKED_BY_PUBLIC_SECURITY],
  lookBackYears: 5,
  lookBackSource: FAQ_Q3,
  summary: '5年内被强制隔离戒毒的，每次扣100分（2021年修订前扣50分）。',
  versions: [
    {
      id: 'drugRehab-50',
      from: null,
      until: REVISION_2021_FROM,
      params: { each: 50, once: false },
      source: FAQ_Q3,
      verified: true,
      confidence: 'A',
      note: SUPERSEDED_2021,
    },
    {
      id: 'drugRehab-100',
      from: REVISION_2021_FROM,
      until: null,
      params: { each: 100, once: false },
      source: FAQ_Q3,
      verified: true,
      confidence: 'A',
    },
  ],
};

export const detentionIndicator: Indicator<'detention'> = {
  code: 'detention',
  label: '5年内被行政拘留或司法拘留',
  group: 'deduction',
  department: 'public-security',
  evidence: [CHECKED_BY_PUBLIC_SECURITY],
  lookBackYears: 5,
  lookBackSource: FAQ_Q3,
  summary: '5年内被行政拘留或司法拘留的，每次扣60分（2021年修订前扣30分）。',
  versions: [
    {
      id: 'detention-30',
      from: null,
      until: REVISION_2021_FROM,
      params: { each: 30, once: false },
      source: FAQ_Q3,
      verified: true,
      confidence: 'A',
      note: SUPERSEDED_2021,
    },
    {
      id: 'detention-60',
      from: REVISION_2021_FROM,
      until: null,
      params: { each: 60, once: false },
      source: FAQ_Q3,
      verified: true,
      confidence: 'A',
    },
  ],
};

export const dishonestyIndicator: Indicator<'dishonesty'> = {
  code: 'dishonesty',
  label: '5年内存在失信记录',
  group: 'deduction',
  department: 'public-security',
  evidence: ['由国家、浙江省及杭州市公共信用信息平台数据核查，申请人无需提交'],
  lookBackYears: 5,
  lookBackSource: FAQ_Q3,
  summary: '存在失信记录的扣40分（不论条数）；列入严重失信名单的另按每次80分扣减（2021年修订前每次扣20分）。',
  versions: [
    {
      id: 'dishonesty-20each',
      from: null,
      until: REVISION_2021_FROM,
      params: { each: 20, once: true },
      source: FAQ_Q3,
      verified: false,
      confidence: 'B',
      note: '修订前为"扣20分/次"（FAQ2021 Q3，已被取代）；本表单只记录是否存在一般失信记录，故按一次计。',
    },
    {
      id: 'dishonesty-40',
      from: REVISION_2021_FROM,
      until: null,
      params: { each: 40, once: true },
      source: FAQ_Q3,
      verified: true,
      confidence: 'A',
    },
  ],
};

export const severeDishonestyIndicator: Indicator<'severeDishonesty'> = {
  code: 'severeDishonesty',
  label: '列入严重失信名单',
  group: 'deduction',
  department: 'public-security',
  evidence: ['由公共信用信息平台数据核查，申请人无需提交'],
  lookBackYears: 5,
  lookBackSource: FAQ_Q3,
  summary: '列入严重失信名单的，每次扣80分。',
  versions: [
    {
      id: 'severeDishonesty-20',
      from: null,
      until: REVISION_2021_FROM,
      params: { each: 20, once: false },
      source: FAQ_Q3,
      verified: false,
      confidence: 'B',
      note: '修订前没有严重失信名单这一档，每条失信记录扣20分（已被取代）；此处按每次20分计。',
    },
    {
      id: 'severeDishonesty-80',
      from: REVISION_2021_FROM,
      until: null,
      params: { each: 80, once: false },
      source: FAQ_Q3,
      verified: true,
      confidence: 'A',
    },
  ],
};

export const familyPlanningIndicator: Indicator<'familyPlanning'> = {
  code: 'familyPlanning',
  label: '违反计划生育政策',
  group: 'deduction',
  department: 'public-security',
  evidence: [],
  lookBackYears: null,
  summary: '2021年修订时已删除该减分项，不再扣分。',
  versions: [
    {
      id: 'familyPlanning-20',
      from: null,
      until: REVISION_2021_FROM,
      params: { each: 20, once: false },
      source: FAQ_Q3,
      verified: true,
      confidence: 'A',
      note: '修订前"扣20分/次"（已被取代）。表单不采集此项，故不参与计分。',
    },
    {
      id: 'familyPlanning-deleted',
      removed: true,
      from: REVISION_2021_FROM,
      until: null,
      params: { each: 0, once: false },
      source: FAQ_Q3,
      otherSources: [{ doc: 'FAQ2021', clause: 'Q1' }],
      verified: true,
      confidence: 'A',
      note: '2021年修订删除（入户与生育情况脱钩）。',
    },
  ],
};

type DeductionFormula = (
  profile: ProfileInput,
  version: IndicatorVersion<DeductionParams>,
  context: FormulaContext,
) => Draft;
type CountedRecord = 'criminal' | 'drugRehab' | 'detention' | 'severeDishonesty';

/** `each` per act (or once, if the version says so), for a record the profile counts. */
function perAct(record: CountedRecord, what: string): DeductionFormula {
  return (profile, version) => {
    const count = profile.records?.[record];
    if (!count) return { halves: 0, explanation: count === 0 ? '无：0分' : NOT_FILLED };
    const halves = -H(version.params.each) * (version.params.once ? 1 : count);
    return { halves, explanation: `${what}${count}次，每次扣${version.params.each}分：${fmt(halves)}分` };
  };
}

export const criminalFormula = perAct('criminal', '一般刑事犯罪记录');
export const drugRehabFormula = perAct('drugRehab', '强制隔离戒毒');
export const detentionFormula = perAct('detention', '行政拘留或司法拘留');
export const severeDishonestyFormula = perAct('severeDishonesty', '列入严重失信名单');

/** The profile records only whether a (non-severe) dishonesty record exists: deducted once. */
export const dishonestyFormula: DeductionFormula = (profile, version) => {
  const dishonest = profile.records?.dishonesty;
  if (dishonest === undefined) return { halves: 0, explanation: NOT_FILLED };
  if (!dishonest) return { halves: 0, explanation: '无：0分' };
  const halves = -H(version.params.each);
  return { halves, explanation: `存在失信记录：${fmt(halves)}分` };
};

// familyPlanning has no formula: the form does not collect it, and the 2021 revision deleted it.
