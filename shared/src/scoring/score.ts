// scorePoints: the self-assessment score of a profile for the round with a given cut-off date. The loop applies
// each indicator's formula (indicators/, beside its dated data) to the version in force, then the rules between
// indicators (combinations.ts), then turns the drafts into items and the total.
// Hot path (≥ 200,000 profiles/s): no zod, one cached rule-set lookup, no closure made per call, arithmetic in
// half-points (integers) so 0.5 steps stay exact and `total` is exactly the sum of the items.
import { educationOrTitleSkill, ownHomeOrRental } from './combinations';
import type { Draft, Formula, FormulaContext } from './formula';
import { NOT_FILLED } from './formula';
import { ageFormula } from './indicators/age';
import {
  bloodDonationFormula,
  boneMarrowFormula,
  charityFormula,
  inventionPatentFormula,
  volunteeringFormula,
} from './indicators/contributions';
import {
  criminalFormula,
  detentionFormula,
  dishonestyFormula,
  drugRehabFormula,
  severeDishonestyFormula,
} from './indicators/deductions';
import { honoursFormula } from './indicators/honours';
import { incomeTaxFormula } from './indicators/income-tax';
import { educationFormula, titleSkillFormula } from './indicators/qualifications';
import {
  ownHomeFormula,
  rentalFormula,
  residenceRegistrationFormula,
  socialInsuranceFormula,
} from './indicators/residence';
import { vetoReason } from './indicators/veto';
import type { ProfileInput } from './profile';
import {
  COMBINATION_RULES,
  INDICATORS,
  LOWER_READING_PRINCIPLE,
  REVISION_2021_FROM,
  RULES_REVIEWED_THROUGH,
} from './rules';
import { ruleSetFor } from './ruleset';
import type { VersionsByCode } from './ruleset';
import type {
  Confidence,
  DepartmentCode,
  Indicator,
  IndicatorCode,
  IndicatorGroup,
  IndicatorVersion,
  Citation,
} from './types';

export interface ScoreItem {
  readonly code: IndicatorCode;
  readonly label: string;
  readonly group: IndicatorGroup;
  /** Points counted in the total (negative for deductions; 0 when the indicator does not count). */
  readonly points: number;
  /** Short Chinese explanation, e.g. '本科学历且有学位：50分'. */
  readonly explanation: string;
  readonly source: Citation;
  readonly verified: boolean;
  readonly confidence: Confidence;
  /** What the value assumes (for unverified data), so the UI can say what an estimate rests on. */
  readonly note: string | undefined;
  readonly versionId: string;
  /** Department that reviews this indicator (codes in docs/CONTRACTS.md). */
  readonly department: DepartmentCode;
}

export interface ScoreWarning {
  code:
    | 'UNVERIFIED_RULES'
    | 'RULES_NOT_REVIEWED'
    | 'PRE_2021_REVISION'
    | 'CUTOFF_NOT_FIRST_OF_MONTH'
    | 'UNDER_18'
    | 'BORN_AFTER_CUTOFF'
    | 'LOOK_BACK_WINDOW'
    | 'DEDUCTION_ONE_ACT';
  message: string;
}

export interface ScoreResult {
  /**
   * Sum of item points; `null` when a veto applies, so no screen can show a vetoed profile as a score of 0
   * (which would read as "eligible, just low").
   */
  total: number | null;
  /** Read-only: zero items with a fixed text are shared between results (frozen), to keep scoring allocation-light. */
  items: readonly ScoreItem[];
  warnings: ScoreWarning[];
  veto: { reason: string; source: Citation; verified: boolean } | null;
  cutoffDate: string;
  /** Ids of the rule versions used (for audit records and the "rule version" line of the UI). */
  ruleVersionIds: string[];
}

export interface ScoreOptions {
  /** The round's indicator cut-off date ('YYYY-MM-DD'); age is taken on it and rule versions are chosen by it. */
  cutoffDate: string;
}

/** Every scored indicator with its formula, in the order of the items (familyPlanning is not collected; veto ends scoring). */
type ScoredCode = Exclude<IndicatorCode, 'familyPlanning' | 'veto'>;
const FORMULAS: { [C in ScoredCode]: Formula<C> } = {
  age: ageFormula,
  education: educationFormula,
  titleSkill: titleSkillFormula,
  socialInsurance: socialInsuranceFormula,
  residenceRegistration: residenceRegistrationFormula,
  ownHome: ownHomeFormula,
  rental: rentalFormula,
  incomeTax: incomeTaxFormula,
  honours: honoursFormula,
  boneMarrow: boneMarrowFormula,
  bloodDonation: bloodDonationFormula,
  volunteering: volunteeringFormula,
  charity: charityFormula,
  inventionPatent: inventionPatentFormula,
  criminal: criminalFormula,
  drugRehab: drugRehabFormula,
  detention: detentionFormula,
  dishonesty: dishonestyFormula,
  severeDishonesty: severeDishonestyFormula,
};
type AnyFormula = (profile: ProfileInput, version: IndicatorVersion<unknown>, context: FormulaContext) => Draft;
const SCORED_CODES = Object.keys(FORMULAS) as ScoredCode[];
const SCORED_FORMULAS = SCORED_CODES.map((code) => FORMULAS[code] as AnyFormula);
/** Indicator rows in the same order, and per rule set its versions in that order: no keyed lookup per item. */
const SCORED_INDICATORS = SCORED_CODES.map((code) => INDICATORS[code] as Indicator);
const ORDERED_VERSIONS = new WeakMap<VersionsByCode, IndicatorVersion<unknown>[]>();
function orderedVersions(versions: VersionsByCode): IndicatorVersion<unknown>[] {
  let list = ORDERED_VERSIONS.get(versions);
  if (!list)
    ORDERED_VERSIONS.set(versions, (list = SCORED_CODES.map((code) => versions[code] as IndicatorVersion<unknown>)));
  return list;
}
const EDUCATION = SCORED_CODES.indexOf('education');
const TITLE_SKILL = SCORED_CODES.indexOf('titleSkill');
const OWN_HOME = SCORED_CODES.indexOf('ownHome');
const RENTAL = SCORED_CODES.indexOf('rental');

/** Explanations that never vary: their zero-point items are built once per rule version and shared (frozen). */
const CONSTANT_ZERO_TEXTS = new Set([
  NOT_FILLED,
  '无：0分',
  '未捐献：0分',
  '无荣誉：0分',
  '无发明专利：0分',
  '无自购产权住房：0分',
  '无职称或技能：0分',
]);
const SHARED_ZERO_ITEMS = new Map<IndicatorVersion<unknown>, Map<string, ScoreItem>>();

function itemOf(ind: Indicator, version: IndicatorVersion<unknown>, d: Draft): ScoreItem {
  const from = d.provenance;
  return {
    code: ind.code,
    label: ind.label,
    group: ind.group,
    points: d.halves / 2,
    explanation: d.explanation,
    source: from ? from.source : version.source,
    verified: from ? from.verified : version.verified,
    confidence: from ? from.confidence : version.confidence,
    note: from ? from.note : version.note,
    versionId: version.id,
    department: ind.department,
  };
}

function sharedZeroItem(ind: Indicator, version: IndicatorVersion<unknown>, d: Draft): ScoreItem {
  let byText = SHARED_ZERO_ITEMS.get(version);
  if (!byText) SHARED_ZERO_ITEMS.set(version, (byText = new Map()));
  let shared = byText.get(d.explanation);
  if (!shared) byText.set(d.explanation, (shared = Object.freeze(itemOf(ind, version, d))));
  return shared;
}

export function scorePoints(profile: ProfileInput, options: ScoreOptions): ScoreResult {
  const cutoffDate = options.cutoffDate;
  const rs = ruleSetFor(cutoffDate);
  const versions = rs.versions;
  const warnings: ScoreWarning[] = [];
  const records = profile.records;

  if (records?.vetoed) {
    const veto = versions.veto;
    return {
      total: null,
      items: [],
      warnings,
      veto: { reason: vetoReason(veto), source: veto.source, verified: veto.verified },
      cutoffDate,
      ruleVersionIds: rs.versionIds,
    };
  }

  const context: FormulaContext = { cutoffDate, warnings, lookBack: false };
  const drafts: Draft[] = [];
  const inForce = orderedVersions(versions);
  for (let i = 0; i < SCORED_FORMULAS.length; i++) drafts.push(SCORED_FORMULAS[i]!(profile, inForce[i]!, context));
  educationOrTitleSkill(drafts[EDUCATION]!, drafts[TITLE_SKILL]!);
  ownHomeOrRental(drafts[OWN_HOME]!, drafts[RENTAL]!);

  const items: ScoreItem[] = [];
  let total = 0;
  /** Labels of non-zero items resting on unverified data, joined with '、'. */
  let unverified = '';
  for (let i = 0; i < drafts.length; i++) {
    const indicator = SCORED_INDICATORS[i]!;
    const version = inForce[i]!;
    const d = drafts[i]!;
    if (d.halves === 0 && !d.provenance && CONSTANT_ZERO_TEXTS.has(d.explanation)) {
      items.push(sharedZeroItem(indicator, version, d));
      continue;
    }
    const item = itemOf(indicator, version, d);
    if (d.halves !== 0 && !item.verified) unverified += unverified ? `、${item.label}` : item.label;
    total += d.halves;
    items.push(item);
  }

  // ---- Warnings about the whole result ----
  if (unverified) {
    warnings.push({
      code: 'UNVERIFIED_RULES',
      message: `以下指标的分值来自公开转载、尚未与官方文件核实，估算可能与审核结果不同：${unverified}。${LOWER_READING_PRINCIPLE}`,
    });
  }
  if (cutoffDate > RULES_REVIEWED_THROUGH) {
    warnings.push({
      code: 'RULES_NOT_REVIEWED',
      message: `该截止日（${cutoffDate}）晚于规则数据最近一次核对的年度（${RULES_REVIEWED_THROUGH}），按现行规则估算，当年规则可能已调整。`,
    });
  }
  if (cutoffDate < REVISION_2021_FROM) {
    warnings.push({
      code: 'PRE_2021_REVISION',
      message: '该截止日早于2021年《办法》修订，使用修订前的分值，仅供参考。',
    });
  }
  if (cutoffDate.charCodeAt(8) !== 48 || cutoffDate.charCodeAt(9) !== 49) {
    warnings.push({
      code: 'CUTOFF_NOT_FIRST_OF_MONTH',
      message: '指标截止日应为受理起始日的上月首日（通常为10月1日），请核对日期。',
    });
  }
  if (context.lookBack) {
    warnings.push({
      code: 'LOOK_BACK_WINDOW',
      message: '纳税、荣誉、志愿服务和慈善捐赠只计截止日前5年内取得的材料，请只填写这段时间内的数额。',
    });
  }
  if (
    records &&
    ((records.criminal ?? 0) + (records.drugRehab ?? 0) + (records.detention ?? 0) + (records.severeDishonesty ?? 0) >
      0 ||
      records.dishonesty)
  ) {
    warnings.push({ code: 'DEDUCTION_ONE_ACT', message: COMBINATION_RULES.oneActOneDeduction.note! });
  }

  return { total: total / 2, items, warnings, veto: null, cutoffDate, ruleVersionIds: rs.versionIds };
}
