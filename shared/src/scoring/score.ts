// scorePoints: the self-assessment score of a profile for the round with a given cut-off date.
// Hot path (≥ 200,000 profiles/s): no zod, one cached rule-set lookup, arithmetic in half-points (integers) so
// 0.5 steps stay exact and `total` is exactly the sum of the items.
import { ageOn } from '../people/age';
import type { ProfileInput } from './profile';
import { EDUCATION_LABELS, HONOUR_LEVEL_LABELS, SKILL_LABELS, TITLE_LABELS } from './profile';
import { COMBINATION_RULES, INDICATORS, LOWER_READING_PRINCIPLE, REVISION_2021_FROM, RULES_REVIEWED_THROUGH } from './rules';
import { ruleSetFor } from './ruleset';
import type {
  AgeParams,
  Confidence,
  DeductionParams,
  DepartmentCode,
  HonourLevel,
  IndicatorCode,
  IndicatorGroup,
  IndicatorVersion,
  LinearParams,
  Source,
  ThresholdStepParams,
} from './types';

export interface ScoreItem {
  readonly code: IndicatorCode;
  readonly label: string;
  readonly group: IndicatorGroup;
  /** Points counted in the total (negative for deductions; 0 when the indicator does not count). */
  readonly points: number;
  /** Short Chinese explanation, e.g. '本科学历且有学位：50分'. */
  readonly explanation: string;
  readonly source: Source;
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
  veto: { reason: string; source: Source; verified: boolean } | null;
  cutoffDate: string;
  /** Ids of the rule versions used (for audit records and the "rule version" line of the UI). */
  ruleVersionIds: string[];
}

export interface ScoreOptions {
  /** The round's indicator cut-off date ('YYYY-MM-DD'); age is taken on it and rule versions are chosen by it. */
  cutoffDate: string;
}

const fmt = (halves: number): string => String(halves / 2);

/** Points in half-points; rounding only absorbs a data value that is not a multiple of 0.5 (tests forbid it). */
const H = (points: number): number => Math.round(points * 2);

function ageHalves(age: number, p: AgeParams): number {
  if (age < p.minAge) return 0;
  if (p.zeroAboveAge !== null && age > p.zeroAboveAge) return 0;
  const raw = p.anchorPoints + p.perYear * (p.anchorAge - age);
  return H(Math.min(p.maxPoints, Math.max(p.floorPoints, raw)));
}

function linearHalves(amount: number, p: LinearParams): number {
  return Math.min(H(Math.floor(amount / p.unit) * p.rate), H(p.cap));
}

function thresholdHalves(amount: number, p: ThresholdStepParams): number {
  if (amount < p.threshold) return 0;
  return Math.min(H(p.firstPoints) + Math.floor((amount - p.threshold) / p.step) * H(p.stepPoints), H(p.cap));
}

const HONOUR_ORDER: readonly HonourLevel[] = ['national', 'provincial', 'city', 'district'];

/**
 * Honours, literal reading (COMBINATION_RULES.honoursSameMatter, RULES.md): each matter (same trimmed name) scores
 * only its highest honour, and each level's cap applies after that. Taken literally, a higher honour for a matter
 * whose level is already full can lower a total; the reading that avoids this gives more, so by the lower-reading
 * principle it stays in the data as an unused alternative.
 */
function honourCounts(
  honours: readonly { level: HonourLevel; matter: string }[],
  params: { levels: Record<HonourLevel, { each: number; cap: number }> },
): { halves: number; counts: number[]; matters: number } {
  // matter → index of its highest level in HONOUR_ORDER (0 = national, the highest)
  const highest = new Map<string, number>();
  for (const h of honours) {
    const key = h.matter.trim();
    const level = HONOUR_ORDER.indexOf(h.level);
    const seen = highest.get(key);
    if (seen === undefined || level < seen) highest.set(key, level);
  }
  const counts = [0, 0, 0, 0];
  for (const level of highest.values()) counts[level]!++;
  let halves = 0;
  for (let l = 0; l < 4; l++) {
    const { each, cap } = params.levels[HONOUR_ORDER[l]!];
    halves += Math.min(counts[l]! * H(each), H(cap));
  }
  return { halves, counts, matters: highest.size };
}

interface Draft {
  halves: number;
  explanation: string;
}

const NOT_FILLED = '未填写：0分';

interface Acc {
  items: ScoreItem[];
  /** In half-points. */
  total: number;
  /** Labels of non-zero items resting on unverified data, joined with '、'. */
  unverified: string;
}

/** Explanations that never vary: their zero-point items are built once per rule version and shared (frozen). */
const CONSTANT_ZERO_TEXTS = new Set([NOT_FILLED, '无：0分', '未捐献：0分', '无荣誉：0分', '无发明专利：0分', '无自购产权住房：0分', '无职称或技能：0分']);
const SHARED_ZERO_ITEMS = new Map<IndicatorVersion<unknown>, Map<string, ScoreItem>>();

function add(acc: Acc, code: IndicatorCode, version: IndicatorVersion<unknown>, d: Draft): void {
  if (d.halves === 0 && CONSTANT_ZERO_TEXTS.has(d.explanation)) {
    let byText = SHARED_ZERO_ITEMS.get(version);
    if (!byText) SHARED_ZERO_ITEMS.set(version, (byText = new Map()));
    let shared = byText.get(d.explanation);
    if (!shared) {
      const ind = INDICATORS[code];
      shared = Object.freeze<ScoreItem>({
        code,
        label: ind.label,
        group: ind.group,
        points: 0,
        explanation: d.explanation,
        source: version.source,
        verified: version.verified,
        confidence: version.confidence,
        note: version.note,
        versionId: version.id,
        department: ind.department,
      });
      byText.set(d.explanation, shared);
    }
    acc.items.push(shared);
    return;
  }
  const ind = INDICATORS[code];
  if (d.halves !== 0 && !version.verified) acc.unverified += acc.unverified ? `、${ind.label}` : ind.label;
  acc.total += d.halves;
  acc.items.push({
    code,
    label: ind.label,
    group: ind.group,
    points: d.halves / 2,
    explanation: d.explanation,
    source: version.source,
    verified: version.verified,
    confidence: version.confidence,
    note: version.note,
    versionId: version.id,
    department: ind.department,
  });
}

function deduct(acc: Acc, version: IndicatorVersion<DeductionParams>, code: IndicatorCode, count: number | undefined, what: string): void {
  if (!count) {
    add(acc, code, version, { halves: 0, explanation: count === 0 ? '无：0分' : NOT_FILLED });
    return;
  }
  const halves = -H(version.params.each) * (version.params.once ? 1 : count);
  add(acc, code, version, { halves, explanation: `${what}${count}次，每次扣${version.params.each}分：${fmt(halves)}分` });
}

export function scorePoints(profile: ProfileInput, options: ScoreOptions): ScoreResult {
  const cutoffDate = options.cutoffDate;
  const rs = ruleSetFor(cutoffDate);
  const v = rs.versions;
  const warnings: ScoreWarning[] = [];
  const records = profile.records;

  if (records?.vetoed) {
    const vv = v.veto;
    return {
      total: null,
      items: [],
      warnings,
      veto: {
        reason: `存在一票否决情形（以下之一：${vv.params.conditions.map((c) => c.text).join('、')}），不予积分。`,
        source: vv.source,
        verified: vv.verified,
      },
      cutoffDate,
      ruleVersionIds: rs.versionIds,
    };
  }

  // One accumulator and module-level helpers, not closures: a closure made per call costs an allocation (and,
  // under tooling that preserves function names, a defineProperty) on the hot path.
  const acc: Acc = { items: [], total: 0, unverified: '' };
  const items = acc.items;

  // ---- Age ----
  let age: Draft;
  if (profile.birthDate > cutoffDate) {
    warnings.push({ code: 'BORN_AFTER_CUTOFF', message: '出生日期晚于指标截止日，无法计算年龄分。' });
    age = { halves: 0, explanation: '出生日期晚于截止日：0分' };
  } else {
    const years = ageOn(profile.birthDate, cutoffDate);
    const halves = ageHalves(years, v.age.params);
    if (years < v.age.params.minAge) {
      warnings.push({
        code: 'UNDER_18',
        message: `截止日时未满${v.age.params.minAge}周岁：来源未规定其年龄分，按0分估算（未核实）；积分落户须年满18周岁。`,
      });
    }
    age = { halves, explanation: `截止日${years}周岁：${fmt(halves)}分` };
  }
  add(acc, 'age', v.age, age);
  if (age.halves === 0 && v.age.verified) {
    // Under-age (or unborn) scores rest on our assumption, not on the source that verifies the age table.
    if (profile.birthDate > cutoffDate || ageOn(profile.birthDate, cutoffDate) < v.age.params.minAge) {
      items[items.length - 1] = { ...items[items.length - 1]!, verified: false, confidence: 'C' };
    }
  }

  // ---- Education vs title/skill: only the higher counts ----
  const ep = v.education.params;
  let eduHalves = 0;
  let eduText = NOT_FILLED;
  if (profile.education !== undefined) {
    const level = profile.education;
    const partial = profile.hasDiplomaAndDegree === false && ep.partialLevels.includes(level);
    eduHalves = H(ep.points[level] - (partial ? ep.partialDeduction : 0));
    const name = EDUCATION_LABELS[level];
    eduText = ep.partialLevels.includes(level)
      ? `${name}${partial ? '（只有学历或只有学位）' : '学历且有学位'}：${fmt(eduHalves)}分`
      : `${name}：${fmt(eduHalves)}分`;
  }
  const tp = v.titleSkill.params;
  const titleHalves = profile.title ? H(tp.title[profile.title]) : 0;
  const skillHalves = profile.skillLevel ? H(tp.skill[profile.skillLevel as 1 | 2 | 3 | 4 | 5]) : 0;
  let tsHalves = Math.max(titleHalves, skillHalves);
  let tsText: string;
  const titleName = profile.title && profile.title !== 'none' ? TITLE_LABELS[profile.title] : '';
  const skillName = profile.skillLevel ? SKILL_LABELS[profile.skillLevel as 1 | 2 | 3 | 4 | 5] : '';
  if (titleName && skillName) {
    tsText = `${titleName}${fmt(titleHalves)}分、${skillName}${fmt(skillHalves)}分，取较高：${fmt(tsHalves)}分`;
  } else if (titleName || skillName) {
    tsText = `${titleName || skillName}：${fmt(tsHalves)}分`;
  } else {
    tsText = profile.title === 'none' ? '无职称或技能：0分' : NOT_FILLED;
  }
  if (COMBINATION_RULES.educationVsTitleSkill.mode === 'higher-only' && eduHalves > 0 && tsHalves > 0) {
    if (tsHalves > eduHalves) {
      eduText += `；低于专业技术职称/职业技能（${fmt(tsHalves)}分），两者只计较高一项，本项计0分`;
      tsText += '（高于文化程度，只计此项）';
      eduHalves = 0;
    } else {
      tsText += `；${tsHalves === eduHalves ? '与' : '不高于'}文化程度（${fmt(eduHalves)}分）${tsHalves === eduHalves ? '相同' : ''}，两者只计较高一项，本项计0分`;
      eduText += '（不低于职称/技能，只计此项）';
      tsHalves = 0;
    }
  }
  add(acc, 'education', v.education, { halves: eduHalves, explanation: eduText });
  add(acc, 'titleSkill', v.titleSkill, { halves: tsHalves, explanation: tsText });

  // ---- Social insurance, registration ----
  const sim = profile.socialInsuranceMonths;
  if (sim === undefined) add(acc, 'socialInsurance', v.socialInsurance, { halves: 0, explanation: NOT_FILLED });
  else {
    const p = v.socialInsurance.params;
    const halves = linearHalves(sim, p);
    add(acc, 'socialInsurance', v.socialInsurance, {
      halves,
      explanation: halves === H(p.cap) && sim * p.rate > p.cap
        ? `市区缴纳社保${sim}个月，已达上限：${fmt(halves)}分`
        : `市区缴纳社保${sim}个月，每月${p.rate}分：${fmt(halves)}分`,
    });
  }
  const rry = profile.residenceRegistrationYears;
  if (rry === undefined) add(acc, 'residenceRegistration', v.residenceRegistration, { halves: 0, explanation: NOT_FILLED });
  else {
    const p = v.residenceRegistration.params;
    const halves = linearHalves(rry, p);
    add(acc, 'residenceRegistration', v.residenceRegistration, {
      halves,
      explanation: rry * p.rate > p.cap
        ? `居住登记${rry}年，已达上限：${fmt(halves)}分`
        : `居住登记${rry}年，每年${p.rate}分：${fmt(halves)}分`,
    });
  }

  // ---- Own home vs rental: only the higher counts ----
  let homeHalves = profile.ownHome ? H(v.ownHome.params.points) : 0;
  let homeText = profile.ownHome === undefined ? NOT_FILLED : profile.ownHome ? `有自购产权住房：${fmt(homeHalves)}分` : '无自购产权住房：0分';
  const ry = profile.rentalYears;
  let rentHalves = 0;
  let rentText = NOT_FILLED;
  if (ry !== undefined) {
    const p = v.rental.params;
    rentHalves = linearHalves(ry, p);
    rentText = ry * p.rate > p.cap ? `合法租赁${ry}年，已达上限：${fmt(rentHalves)}分` : `合法租赁${ry}年，每年${p.rate}分：${fmt(rentHalves)}分`;
  }
  if (COMBINATION_RULES.ownHomeVsRental.mode === 'higher-only' && homeHalves > 0 && rentHalves > 0) {
    if (homeHalves >= rentHalves) {
      rentText += `；自购住房分更高（${fmt(homeHalves)}分），两者只计较高一项，本项计0分`;
      rentHalves = 0;
    } else {
      homeText += `；租赁分更高（${fmt(rentHalves)}分），两者只计较高一项，本项计0分`;
      homeHalves = 0;
    }
  }
  add(acc, 'ownHome', v.ownHome, { halves: homeHalves, explanation: homeText });
  add(acc, 'rental', v.rental, { halves: rentHalves, explanation: rentText });

  // ---- Income tax ----
  const tax = profile.incomeTaxYuan;
  let lookBack = false;
  if (tax === undefined) add(acc, 'incomeTax', v.incomeTax, { halves: 0, explanation: NOT_FILLED });
  else {
    lookBack ||= tax > 0;
    // 个体工商户/个人投资者: their own (unverified, C) reading; the item then carries its source and confidence.
    const reading = profile.taxpayerType === 'business-owner' ? v.incomeTax.params.businessOwner : null;
    const p = reading ? reading.params : v.incomeTax.params;
    const halves = thresholdHalves(tax, p);
    const who = reading ? '个体工商户、个人投资者（计分标准未核实）' : '';
    add(acc, 'incomeTax', v.incomeTax, {
      halves,
      explanation: halves === 0
        ? `${who}5年内纳税${tax}元，不足${p.threshold}元：0分`
        : `${who}5年内纳税${tax}元${halves === H(p.cap) ? `，已达上限${p.cap}分` : ''}：${fmt(halves)}分`,
    });
    if (reading) {
      const last = items[items.length - 1]!;
      items[items.length - 1] = { ...last, source: reading.source, verified: reading.verified, confidence: reading.confidence, note: reading.note };
    }
  }

  // ---- Honours: each matter counts once; per-level caps ----
  const honours = profile.honours;
  if (!honours || honours.length === 0) add(acc, 'honours', v.honours, { halves: 0, explanation: honours ? '无荣誉：0分' : NOT_FILLED });
  else {
    lookBack = true;
    const counted = honourCounts(honours, v.honours.params);
    const parts: string[] = [];
    for (let l = 0; l < HONOUR_ORDER.length; l++) {
      const n = counted.counts[l]!;
      if (n === 0) continue;
      const level = HONOUR_ORDER[l]!;
      const { each, cap } = v.honours.params.levels[level];
      parts.push(`${HONOUR_LEVEL_LABELS[level]}${n}项${n * each > cap ? `（达上限${cap}分）` : ''}`);
    }
    const sameMatter = honours.length - counted.matters;
    add(acc, 'honours', v.honours, {
      halves: counted.halves,
      explanation: `${parts.join('、')}：${fmt(counted.halves)}分` + (sameMatter > 0 ? `；同一事项只计最高一项，${sameMatter}项未计` : ''),
    });
  }

  // ---- Bone marrow, blood, volunteering, charity, patents ----
  const bm = profile.boneMarrowDonation;
  const bmHalves = bm ? H(v.boneMarrow.params.points) : 0;
  add(acc, 'boneMarrow', v.boneMarrow, {
    halves: bmHalves,
    explanation: bm === undefined ? NOT_FILLED : bm ? `已捐献造血干细胞：${fmt(bmHalves)}分` : '未捐献：0分',
  });

  const blood = profile.bloodDonationMl;
  if (blood === undefined) add(acc, 'bloodDonation', v.bloodDonation, { halves: 0, explanation: NOT_FILLED });
  else {
    const p = v.bloodDonation.params;
    const halves = thresholdHalves(blood, p);
    add(acc, 'bloodDonation', v.bloodDonation, {
      halves,
      explanation: halves === 0
        ? `累计献血${blood}毫升，不足${p.threshold}毫升：0分`
        : `累计献血${blood}毫升${halves === H(p.cap) ? `，已达上限${p.cap}分` : ''}：${fmt(halves)}分`,
    });
  }

  const vh = profile.volunteerHours;
  if (vh === undefined) add(acc, 'volunteering', v.volunteering, { halves: 0, explanation: NOT_FILLED });
  else {
    lookBack ||= vh > 0;
    const p = v.volunteering.params;
    const halves = linearHalves(vh, p);
    add(acc, 'volunteering', v.volunteering, {
      halves,
      explanation: `5年内志愿服务${vh}小时，每满${p.unit}小时${p.rate}分${halves === H(p.cap) && halves > 0 ? `，已达上限` : ''}：${fmt(halves)}分`,
    });
  }

  const don = profile.donationYuan;
  if (don === undefined) add(acc, 'charity', v.charity, { halves: 0, explanation: NOT_FILLED });
  else {
    lookBack ||= don > 0;
    const p = v.charity.params;
    const halves = linearHalves(don, p);
    add(acc, 'charity', v.charity, {
      halves,
      explanation: `5年内慈善捐赠${don}元，每满${p.unit}元${p.rate}分${halves === H(p.cap) && halves > 0 ? `，已达上限` : ''}：${fmt(halves)}分`,
    });
  }

  const patents = profile.inventionPatents;
  if (!patents || patents.length === 0) add(acc, 'inventionPatent', v.inventionPatent, { halves: 0, explanation: patents ? '无发明专利：0分' : NOT_FILLED });
  else {
    const p = v.inventionPatent.params;
    let first = 0;
    for (const pt of patents) if (pt.firstPatentee) first++;
    const co = patents.length - first;
    const raw = first * H(p.firstPatentee) + co * H(p.coPatentee);
    const halves = p.cap === null ? raw : Math.min(raw, H(p.cap));
    const parts: string[] = [];
    if (first) parts.push(`第一专利权人${first}项`);
    if (co) parts.push(`其他专利权人${co}项`);
    add(acc, 'inventionPatent', v.inventionPatent, {
      halves,
      explanation: `${parts.join('、')}${halves < raw ? `，已达上限${p.cap}分` : ''}：${fmt(halves)}分`,
    });
  }

  // ---- Deductions: each act is counted once, under its largest deduction (see COMBINATION_RULES) ----
  deduct(acc, v.criminal, 'criminal', records?.criminal, '一般刑事犯罪记录');
  deduct(acc, v.drugRehab, 'drugRehab', records?.drugRehab, '强制隔离戒毒');
  deduct(acc, v.detention, 'detention', records?.detention, '行政拘留或司法拘留');
  const dis = records?.dishonesty;
  const disHalves = dis ? -H(v.dishonesty.params.each) : 0;
  add(acc, 'dishonesty', v.dishonesty, {
    halves: disHalves,
    explanation: dis === undefined ? NOT_FILLED : dis ? `存在失信记录：${fmt(disHalves)}分` : '无：0分',
  });
  deduct(acc, v.severeDishonesty, 'severeDishonesty', records?.severeDishonesty, '列入严重失信名单');

  // ---- Warnings ----
  if (acc.unverified) {
    warnings.push({
      code: 'UNVERIFIED_RULES',
      message: `以下指标的分值来自公开转载、尚未与官方文件核实，估算可能与审核结果不同：${acc.unverified}。${LOWER_READING_PRINCIPLE}`,
    });
  }
  if (cutoffDate > RULES_REVIEWED_THROUGH) {
    warnings.push({
      code: 'RULES_NOT_REVIEWED',
      message: `该截止日（${cutoffDate}）晚于规则数据最近一次核对的年度（${RULES_REVIEWED_THROUGH}），按现行规则估算，当年规则可能已调整。`,
    });
  }
  if (cutoffDate < REVISION_2021_FROM) {
    warnings.push({ code: 'PRE_2021_REVISION', message: '该截止日早于2021年《办法》修订，使用修订前的分值，仅供参考。' });
  }
  if (cutoffDate.charCodeAt(8) !== 48 || cutoffDate.charCodeAt(9) !== 49) {
    warnings.push({ code: 'CUTOFF_NOT_FIRST_OF_MONTH', message: '指标截止日应为受理起始日的上月首日（通常为10月1日），请核对日期。' });
  }
  if (lookBack) {
    warnings.push({ code: 'LOOK_BACK_WINDOW', message: '纳税、荣誉、志愿服务和慈善捐赠只计截止日前5年内取得的材料，请只填写这段时间内的数额。' });
  }
  if (records && ((records.criminal ?? 0) + (records.drugRehab ?? 0) + (records.detention ?? 0) + (records.severeDishonesty ?? 0) > 0 || records.dishonesty)) {
    warnings.push({ code: 'DEDUCTION_ONE_ACT', message: COMBINATION_RULES.oneActOneDeduction.note! });
  }

  return { total: acc.total / 2, items, warnings, veto: null, cutoffDate, ruleVersionIds: rs.versionIds };
}
