// Over 300 lines on purpose: every settlement pathway of R2023 §二 beside the condition helpers they all share, so
// one pathway cannot drift from the others' wording and citations.
import { z } from 'zod';
import { tryParseDate, compareDates } from '../calendar/civil-date';
// Same vocabulary and labels as the calculator profile (scoring barrel), so one form feeds both.
import { EDUCATION_LABELS, EDUCATION_LEVELS } from '../scoring/profile';
import { ageOn } from './age';
import type { StatedCitation } from '../citation';
import { type ConditionResult, type EvaluationStatus, reasonsOf, statusOf } from './evaluation';
import { PATHWAY_RULES as R, type CountyCode } from './pathway-rules';

const bool = (label: string) => z.boolean({ error: `${label}须为是或否` }).optional();

/**
 * What the pathways need to know about a person. Field names follow the calculator profile (birthDate, education,
 * skillLevel); everything but birthDate is optional, and an absent fact makes a condition "undetermined", never met.
 */
export const PathwayProfileSchema = z.object({
  birthDate: z
    .string({ error: '出生日期必须填写' })
    .refine((s) => tryParseDate(s) !== null, { error: '出生日期应为有效日期（YYYY-MM-DD）' }),
  sex: z.enum(['male', 'female'], { error: '性别不在可选范围内' }).optional(),
  education: z.enum(EDUCATION_LEVELS, { error: '文化程度不在可选范围内' }).optional(),
  skillLevel: z
    .number({ error: '职业技能等级必须是数字' })
    .int('职业技能等级必须是1至5的整数')
    .min(1, '职业技能等级必须是1至5的整数')
    .max(5, '职业技能等级必须是1至5的整数')
    .optional(),
  hukou: z.enum(['hangzhou-urban', 'yangtze-delta', 'other'], { error: '户籍类型不在可选范围内' }).optional(),
  employedInUrbanDistricts: bool('是否在市区就业'),
  /** Months paid by the employer in the urban districts; back payments (补缴) excluded. */
  employerPaidInsuranceMonths: z
    .number({ error: '社保月数必须是数字' })
    .int('社保月数必须是整数')
    .min(0, '社保月数不能为负')
    .optional(),
  legalStableResidenceInUrbanDistricts: bool('是否在市区有合法稳定住所'),
  reunion: z
    .object({
      with: z.enum(['child', 'spouse'], { error: '投靠对象须为子女或配偶' }),
      relativeHasUrbanHukou: bool('被投靠人是否为杭州市区户籍'),
      /** The applicant or the relative owns a legal fixed residence in the urban districts. */
      fixedResidenceInUrbanDistricts: bool('本人或被投靠人是否在市区有合法固定住所'),
    })
    .optional(),
  /** Points granted in the round being applied for (deductions can make a total negative). */
  points: z.number({ error: '积分必须是数字' }).optional(),
  residencePermitValid: bool('是否持有杭州市区有效居住证'),
  fullCivilCapacity: bool('是否具有完全民事行为能力'),
  county: z
    .object({
      name: z.enum(['tonglu', 'chunan', 'jiande'], { error: '县（市）须为桐庐县、淳安县或建德市' }),
      legalStableResidence: bool('是否在该县（市）有合法稳定住所'),
      legalStableEmployment: bool('是否在该县（市）有合法稳定就业'),
    })
    .optional(),
});

export type PathwayProfile = z.output<typeof PathwayProfileSchema>;

export type Pathway =
  'graduate-college' | 'graduate-master' | 'skilled' | 'reunion-elderly' | 'reunion-spouse' | 'points' | 'county';

export const PATHWAY_LABELS: Record<Pathway, string> = {
  'graduate-college': '高校大专毕业生落户',
  'graduate-master': '硕士研究生落户（先落户后就业）',
  skilled: '技能人才落户',
  'reunion-elderly': '老年投靠子女落户',
  'reunion-spouse': '夫妻投靠落户',
  points: '居住证积分落户',
  county: '桐庐、淳安、建德县域落户',
};

export interface PathwayResult {
  pathway: Pathway;
  label: string;
  /** True only when every condition is met. */
  eligible: boolean;
  status: EvaluationStatus;
  /** Chinese: each failing (or undeterminable) condition; empty when eligible. */
  reasons: string[];
  /** Chinese: a short basis or caveat for an eligible (or undetermined) entry. */
  basis?: string;
  conditions: ConditionResult[];
}

/** A date before the rules we hold took effect: earlier settlement policy is not in our sources. */
export class PathwayRulesNotInForceError extends Error {
  readonly code = 'PATHWAY_RULES_NOT_IN_FORCE';
  constructor(on: string) {
    super(`${on} 早于现行户籍政策施行日（${R.effectiveFrom}），无法评估此前的落户条件`);
    this.name = 'PathwayRulesNotInForceError';
  }
}

// ---- condition builders ----

function cond(
  key: string,
  met: boolean | null,
  requirement: string,
  citation: StatedCitation,
  reason?: string,
): ConditionResult {
  return met === true
    ? { key, met, requirement, citation }
    : { key, met, requirement, citation, reason: reason ?? requirement };
}

function known<T>(
  value: T | undefined,
  key: string,
  requirement: string,
  citation: StatedCitation,
  missing: string,
  test: (v: T) => true | string,
): ConditionResult {
  if (value === undefined) return cond(key, null, requirement, citation, `未提供${missing}，无法判断：${requirement}`);
  const r = test(value);
  return r === true ? cond(key, true, requirement, citation) : cond(key, false, requirement, citation, r);
}

function flag(
  value: boolean | undefined,
  key: string,
  requirement: string,
  citation: StatedCitation,
  missing: string,
  failure?: string,
): ConditionResult {
  return known(value, key, requirement, citation, missing, (v) => (v ? true : (failure ?? `不符合：${requirement}`)));
}

function notUrbanHukou(p: PathwayProfile, citation: StatedCitation): ConditionResult {
  return known(p.hukou, 'notUrbanHukou', '非杭州市区户籍', citation, '户籍信息', (h) =>
    h === 'hangzhou-urban' ? '已是杭州市区户籍，无需办理市区落户' : true,
  );
}

function underAge(age: number, maxExclusive: number, key: string, citation: StatedCitation, who = ''): ConditionResult {
  const requirement = `${who}${maxExclusive}周岁以下（不含${maxExclusive}周岁）`;
  return age < maxExclusive
    ? cond(key, true, requirement, citation)
    : cond(
        key,
        false,
        requirement,
        citation,
        `${who}须${maxExclusive}周岁以下（不含${maxExclusive}周岁），当前${age}周岁`,
      );
}

function result(pathway: Pathway, conditions: ConditionResult[], basis?: string): PathwayResult {
  const status = statusOf(conditions);
  return {
    pathway,
    label: PATHWAY_LABELS[pathway],
    eligible: status === 'eligible',
    status,
    reasons: reasonsOf(conditions),
    ...(basis && status !== 'ineligible' ? { basis } : {}),
    conditions,
  };
}

// ---- pathways ----

/**
 * A condition R2023 does not speak to for this person: undetermined (never failed), citing R2023's closing clause
 * and sending the person to the registry window.
 */
function notCoveredByR2023(key: string, requirement: string, silence: string): ConditionResult {
  const { citation, referral } = R.notCovered;
  return cond(
    key,
    null,
    requirement,
    citation,
    `${silence}；依该意见结尾“本意见未涉及事项根据国家、省、市现行相应政策办理”，本工具无法判断，${referral}`,
  );
}

function graduateCollegeEducation(p: PathwayProfile): ConditionResult {
  const rule = R.graduateCollege;
  const requirement = '普通高校大专学历毕业生';
  if (p.education !== undefined && rule.higherDegreeLevels.includes(p.education)) {
    return notCoveredByR2023(
      'education',
      requirement,
      `学历为${EDUCATION_LABELS[p.education]}：杭政办函〔2023〕33号第二条（一）只规定了大专学历毕业生，未规定本科及以上学历能否按此条落户`,
    );
  }
  return known(p.education, 'education', requirement, rule.citation, '文化程度', (e) =>
    rule.qualifyingEducation.includes(e) ? true : `须为普通高校大专学历毕业生，当前为${EDUCATION_LABELS[e]}`,
  );
}

function graduateCollege(p: PathwayProfile, age: number): PathwayResult {
  const rule = R.graduateCollege;
  return result(
    'graduate-college',
    [
      notUrbanHukou(p, R.notUrbanHukou.otherPathwaysCitation),
      graduateCollegeEducation(p),
      underAge(age, rule.maxAgeExclusive, 'age', rule.citation),
      flag(
        p.employedInUrbanDistricts,
        'employedInUrbanDistricts',
        '已在市区落实就业单位',
        rule.citation,
        '就业信息',
        '须已在市区落实就业单位',
      ),
    ],
    '35周岁以下大专毕业生在市区落实就业单位后可在市区落户',
  );
}

function graduateMaster(p: PathwayProfile, age: number): PathwayResult {
  const rule = R.graduateMaster;
  return result(
    'graduate-master',
    [
      notUrbanHukou(p, R.notUrbanHukou.otherPathwaysCitation),
      known(
        p.education,
        'education',
        '普通高校硕士研究生（博士研究生视同，未经核实）',
        p.education === 'doctor' ? rule.doctorCitation : rule.citation,
        '文化程度',
        (e) => (rule.qualifyingEducation.includes(e) ? true : `须为普通高校硕士研究生，当前为${EDUCATION_LABELS[e]}`),
      ),
      underAge(age, rule.maxAgeExclusive, 'age', rule.citation),
    ],
    '按“先落户后就业”原则，无需已落实就业单位',
  );
}

function skilled(p: PathwayProfile, age: number): PathwayResult {
  const rule = R.skilled;
  const [master, senior] = rule.tiers;
  const conditions: ConditionResult[] = [notUrbanHukou(p, R.notUrbanHukou.otherPathwaysCitation)];
  const skillRequirement = `${master.label}且${master.maxAgeExclusive}周岁以下，或${senior.label}且${senior.maxAgeExclusive}周岁以下`;
  if (p.skillLevel === undefined) {
    conditions.push(
      cond('skillLevel', null, skillRequirement, rule.citation, `未提供职业技能等级，无法判断：${skillRequirement}`),
    );
  } else {
    const tier = rule.tiers.find((t) => p.skillLevel! <= t.maxSkillLevel);
    if (!tier) {
      conditions.push(
        cond(
          'skillLevel',
          false,
          skillRequirement,
          rule.citation,
          `须具有${senior.label}或以上，当前为职业技能等级${p.skillLevel}级`,
        ),
      );
    } else {
      conditions.push(cond('skillLevel', true, tier.label, rule.citation));
      const ageLimit = `${tier.maxAgeExclusive}周岁以下（不含${tier.maxAgeExclusive}周岁）`;
      conditions.push(
        age < tier.maxAgeExclusive
          ? cond('age', true, ageLimit, rule.citation)
          : cond('age', false, ageLimit, rule.citation, `具有${tier.label}的须${ageLimit}，当前${age}周岁`),
      );
    }
  }
  conditions.push(
    flag(
      p.employedInUrbanDistricts,
      'employedInUrbanDistricts',
      '在市区工作',
      rule.citation,
      '就业信息',
      '须在市区工作',
    ),
  );
  conditions.push(
    known(
      p.employerPaidInsuranceMonths,
      'employerPaidInsuranceMonths',
      `由工作单位正常缴纳${rule.minEmployerPaidInsuranceMonths}个月及以上社会保险（不含补缴）`,
      rule.citation,
      '社保缴纳月数',
      (m) =>
        m >= rule.minEmployerPaidInsuranceMonths
          ? true
          : `须由工作单位正常缴纳${rule.minEmployerPaidInsuranceMonths}个月及以上社会保险（不含补缴），当前${m}个月`,
    ),
  );
  conditions.push(
    flag(
      p.legalStableResidenceInUrbanDistricts,
      'legalStableResidenceInUrbanDistricts',
      '在市区有合法稳定住所',
      rule.citation,
      '住所信息',
      '须在市区有合法稳定住所',
    ),
  );
  return result('skilled', conditions, '技能人才落户时可随迁配偶、未成年子女，不受婚龄条件限制');
}

/**
 * Residence permit for reunion: Yangtze-Delta holders are exempt (R2023); others need one (inferred, unverified).
 * `elderlyAge` (elderly reunion only): a public copy (C) exempts parents of 80 or more, R2023 does not; that reading
 * is not used (lower reading), so such a parent without a permit is undetermined, never met nor failed.
 */
function reunionPermit(p: PathwayProfile, elderlyAge?: number): ConditionResult {
  const requirement = '长三角区域户籍免申领居住证；其他户籍须持有有效居住证（推断，未经核实）';
  if (p.hukou === 'yangtze-delta')
    return cond('residencePermit', true, '长三角区域户籍，免申领居住证', R.reunion.yangtzeDeltaNoPermitCitation);
  if (p.hukou === undefined)
    return cond(
      'residencePermit',
      null,
      requirement,
      R.reunion.yangtzeDeltaNoPermitCitation,
      `未提供户籍信息，无法判断：${requirement}`,
    );
  const exemption = R.reunionElderly.permitExemption;
  if (p.residencePermitValid === false && elderlyAge !== undefined && elderlyAge >= exemption.fromAge) {
    return cond(
      'residencePermit',
      null,
      requirement,
      exemption.citation,
      `本人已满${exemption.fromAge}周岁、未持有居住证：公开转载（${exemption.source}，可信度${exemption.confidence}）称` +
        `${exemption.fromAge}周岁及以上老年人投靠在杭子女不受居住证条件限制，但杭政办函〔2023〕33号未作此规定，` +
        `本工具无法判断，${R.notCovered.referral}`,
    );
  }
  return flag(
    p.residencePermitValid,
    'residencePermit',
    requirement,
    R.reunion.otherHukouPermitCitation,
    '居住证信息',
    '非长三角区域户籍须持有有效居住证（据政策推断，未经核实）',
  );
}

function reunionElderly(p: PathwayProfile, age: number): PathwayResult {
  const rule = R.reunionElderly;
  const conditions: ConditionResult[] = [notUrbanHukou(p, R.notUrbanHukou.otherPathwaysCitation)];
  conditions.push(
    known(p.reunion?.with, 'reunionWithChild', '投靠在杭子女', rule.citation, '投靠对象', (w) =>
      w === 'child' ? true : '老年投靠须为投靠子女',
    ),
  );
  const ageRequirement = `男性满${rule.minAge.male}周岁、女性满${rule.minAge.female}周岁`;
  if (p.sex === undefined) {
    conditions.push(cond('age', null, ageRequirement, rule.citation, `未提供性别，无法判断：${ageRequirement}`));
  } else {
    const min = rule.minAge[p.sex];
    const who = p.sex === 'male' ? '男性' : '女性';
    conditions.push(
      age >= min
        ? cond('age', true, `${who}满${min}周岁`, rule.citation)
        : cond('age', false, `${who}满${min}周岁`, rule.citation, `${who}须满${min}周岁，当前${age}周岁`),
    );
  }
  conditions.push(
    flag(
      p.reunion?.relativeHasUrbanHukou,
      'childHasUrbanHukou',
      '被投靠子女为杭州市区户籍',
      rule.childHukouCitation,
      '子女户籍信息',
      '被投靠子女须为杭州市区户籍',
    ),
  );
  conditions.push(
    flag(
      p.reunion?.fixedResidenceInUrbanDistricts,
      'fixedResidence',
      '本人或子女在杭州市区城镇有合法固定住所',
      rule.citation,
      '住所信息',
      '本人或子女须在杭州市区城镇有合法固定住所',
    ),
  );
  conditions.push(reunionPermit(p, age));
  return result('reunion-elderly', conditions, '不受“外地身边无子女”条件限制');
}

function reunionSpouse(p: PathwayProfile): PathwayResult {
  const conditions: ConditionResult[] = [notUrbanHukou(p, R.notUrbanHukou.otherPathwaysCitation)];
  conditions.push(
    known(p.reunion?.with, 'reunionWithSpouse', '投靠配偶', R.reunion.yangtzeDeltaNoPermitCitation, '投靠对象', (w) =>
      w === 'spouse' ? true : '夫妻投靠须为投靠配偶',
    ),
  );
  conditions.push(
    flag(
      p.reunion?.relativeHasUrbanHukou,
      'spouseHasUrbanHukou',
      '配偶为杭州市区户籍',
      R.reunion.spouseHukouCitation,
      '配偶户籍信息',
      '被投靠配偶须为杭州市区户籍（未经核实）',
    ),
  );
  conditions.push(reunionPermit(p));
  // Never "eligible": the pathway's own conditions are in rules we do not hold.
  conditions.push(
    notCoveredByR2023(
      'otherConditions',
      '夫妻投靠的其他条件',
      '夫妻投靠落户的其他条件（如结婚年限等）杭政办函〔2023〕33号未作规定',
    ),
  );
  return result(
    'reunion-spouse',
    conditions,
    p.hukou === 'yangtze-delta' ? '长三角区域户籍办理夫妻投靠免申领居住证，户籍准入年限累计互认' : undefined,
  );
}

function points(p: PathwayProfile, age: number): PathwayResult {
  const rule = R.points;
  return result(
    'points',
    [
      notUrbanHukou(p, R.notUrbanHukou.citation),
      flag(
        p.residencePermitValid,
        'residencePermitValid',
        '持有杭州市区有效《浙江省居住证》',
        rule.citation,
        '居住证信息',
        '须持有杭州市区有效《浙江省居住证》',
      ),
      known(p.points, 'points', `当期积分满${rule.minPoints}分`, rule.citation, '积分', (v) =>
        v >= rule.minPoints ? true : `当期积分须满${rule.minPoints}分，当前${v}分`,
      ),
      age >= rule.minAge
        ? cond('age', true, `年满${rule.minAge}周岁`, rule.citation)
        : cond('age', false, `年满${rule.minAge}周岁`, rule.citation, `须年满${rule.minAge}周岁，当前${age}周岁`),
      flag(
        p.fullCivilCapacity,
        'fullCivilCapacity',
        '具有完全民事行为能力',
        rule.citation,
        '民事行为能力信息',
        '须具有完全民事行为能力',
      ),
    ],
    `积分满${rule.minPoints}分即可申请积分落户；${rule.minPoints}分是“准申请分值”，能否落户以当年确定的落户分值为准`,
  );
}

function county(p: PathwayProfile): PathwayResult {
  const rule = R.county;
  const c = p.county;
  const name = c ? rule.counties[c.name as CountyCode] : undefined;
  const conditions: ConditionResult[] = [
    known(c?.name, 'county', '拟落户地为桐庐县、淳安县或建德市', rule.citation, '拟落户的县（市）', () => true),
  ];
  const requirement = `在${name ?? '该县（市）'}有合法稳定住所或合法稳定就业`;
  if (c?.legalStableResidence === true || c?.legalStableEmployment === true) {
    conditions.push(cond('residenceOrEmployment', true, requirement, rule.citation));
  } else if (c?.legalStableResidence === false && c?.legalStableEmployment === false) {
    conditions.push(cond('residenceOrEmployment', false, requirement, rule.citation, `须${requirement}`));
  } else {
    conditions.push(
      cond('residenceOrEmployment', null, requirement, rule.citation, `未提供住所或就业信息，无法判断：${requirement}`),
    );
  }
  return result('county', conditions, name ? `${name}城镇落户全面放开，以合法稳定住所或合法稳定就业为条件` : undefined);
}

/**
 * Every settlement pathway for `profile` on Beijing date `on` (the date the application would be made; ages are
 * taken on it). One entry per pathway, in a fixed order; `eligible` is true only when every condition is known
 * and met. Throws PATHWAY_RULES_NOT_IN_FORCE before 2023-05-08 and INVALID_DATE for a bad date.
 */
export function settlementPathways(profile: PathwayProfile, options: { on: string }): PathwayResult[] {
  const { on } = options;
  const age = ageOn(profile.birthDate, on); // validates both dates
  if (compareDates(on, R.effectiveFrom) < 0) throw new PathwayRulesNotInForceError(on);
  return [
    graduateCollege(profile, age),
    graduateMaster(profile, age),
    skilled(profile, age),
    reunionElderly(profile, age),
    reunionSpouse(profile),
    points(profile, age),
    county(profile),
  ];
}
