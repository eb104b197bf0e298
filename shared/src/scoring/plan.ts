// planPoints: where a profile stands at the next yearly cut-off dates if life simply goes on, when it first
// reaches the 100-point application threshold, and which single change would add the most.
import { tryParseDate } from '../calendar/civil-date';
import { roundDates } from '../calendar/rounds';
import type { EducationLevel, TitleLevel } from './types';
import { EDUCATION_LABELS, EDUCATION_LEVELS, SKILL_LABELS, TITLE_LABELS, TITLE_LEVELS } from './profile';
import type { ProfileInput } from './profile';
import { RANKING_RULE } from './rules';
import { InvalidCutoffDateError } from './ruleset';
import { scorePoints } from './score';
import type { ScoreResult } from './score';

export interface PlanOptions {
  /** Today's Beijing date ('YYYY-MM-DD'); the package never reads a clock. */
  today: string;
  /** How many yearly cut-offs to project (default 5; clamped to 1–20). */
  years?: number;
}

export interface PlanPoint {
  cutoffDate: string;
  /** Full months from today to this cut-off, added to the insurance months. */
  monthsFromToday: number;
  /** Whole years added to registration (and rental, if renting). */
  yearsAdded: number;
  total: number | null;
  result: ScoreResult;
}

export interface PlanSuggestion {
  key: string;
  /** What to change, in Chinese. */
  change: string;
  /** Points gained at the next cut-off compared with carrying on unchanged. */
  gain: number;
  totalAfter: number;
}

export interface PlanResult {
  /** The profile as it stands, scored with today's rules and age. */
  current: ScoreResult;
  projections: PlanPoint[];
  /** First point at which the total is ≥ 100 ('now' if it already is), or null within the horizon. */
  reaches100: { when: 'now' | string; total: number } | null;
  /** Single changes that add points at the next cut-off, largest gain first. */
  suggestions: PlanSuggestion[];
  veto: ScoreResult['veto'];
  /** What the projection assumes, in Chinese. */
  assumptions: string[];
}

export const PLAN_ASSUMPTIONS = [
  '正在缴纳社保的（已填月数大于0），按每月连续缴纳计算：到每个截止日增加相应的整月数。',
  '已填写居住登记年数的，以及正在租房（租赁年数大于0且无自购住房）的，每满12个月加1年（租赁分有上限）。',
  '年龄按各截止日计算；纳税、荣誉、志愿服务、捐赠按现有数额不变（5年期限内的增减未计入）。',
  '各年度均按截止日当时的规则版本计算；尚未公布的年度按现行规则估算。',
];

function fullMonthsBetween(from: string, to: string): number {
  const a = tryParseDate(from)!;
  const b = tryParseDate(to)!;
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (b.day < a.day) months--;
  return Math.max(0, months);
}

/**
 * The next `count` yearly cut-off dates strictly after `today`, from the calendar's round dates (10-01 from 2022:
 * settlement opens 11-01, FAQ2021 Q5–Q6). On the cut-off day itself that round's points window has closed.
 */
export function nextCutoffDates(today: string, count: number): string[] {
  const d = tryParseDate(today);
  if (!d) throw new InvalidCutoffDateError(today);
  const out: string[] = [];
  // Rounds are known from 2021 on (roundDates throws before); a date earlier than that starts at 2021.
  for (let year = Math.max(d.year, 2021); out.length < count; year++) {
    const cutoff = roundDates(year).cutoffDate;
    if (today < cutoff) out.push(cutoff);
  }
  return out;
}

function grow(profile: ProfileInput, months: number): ProfileInput {
  const years = Math.floor(months / 12);
  const renting = profile.rentalYears !== undefined && profile.rentalYears > 0 && !profile.ownHome;
  return {
    ...profile,
    socialInsuranceMonths:
      profile.socialInsuranceMonths !== undefined && profile.socialInsuranceMonths > 0
        ? profile.socialInsuranceMonths + months
        : profile.socialInsuranceMonths,
    residenceRegistrationYears:
      profile.residenceRegistrationYears !== undefined ? profile.residenceRegistrationYears + years : undefined,
    rentalYears: renting ? profile.rentalYears! + years : profile.rentalYears,
  };
}

function nextOf<T>(list: readonly T[], current: T | undefined): T | undefined {
  const i = current === undefined ? 0 : list.indexOf(current);
  return list[i + 1];
}

export function planPoints(profile: ProfileInput, options: PlanOptions): PlanResult {
  const { today } = options;
  // At least one cut-off: the suggestions are scored at the first one.
  const count = Math.max(1, Math.min(20, Math.floor(options.years ?? 5)));
  // "Where you stand today": today's rules and age. Today is rarely a 1st of the month, which is expected here.
  const scoredToday = scorePoints(profile, { cutoffDate: today });
  const current = {
    ...scoredToday,
    warnings: scoredToday.warnings.filter((w) => w.code !== 'CUTOFF_NOT_FIRST_OF_MONTH'),
  };
  const assumptions = PLAN_ASSUMPTIONS.slice();
  if (current.veto) {
    return { current, projections: [], reaches100: null, suggestions: [], veto: current.veto, assumptions };
  }
  // A profile typed in today describes today: insurance months are assumed to keep accruing from today on.
  const projections: PlanPoint[] = nextCutoffDates(today, count).map((cutoffDate) => {
    const months = fullMonthsBetween(today, cutoffDate);
    const result = scorePoints(grow(profile, months), { cutoffDate });
    return { cutoffDate, monthsFromToday: months, yearsAdded: Math.floor(months / 12), total: result.total, result };
  });

  const threshold = RANKING_RULE.minimumPoints;
  let reaches100: PlanResult['reaches100'] = null;
  if (current.total !== null && current.total >= threshold) reaches100 = { when: 'now', total: current.total };
  else {
    const hit = projections.find((p) => p.total !== null && p.total >= threshold);
    if (hit) reaches100 = { when: hit.cutoffDate, total: hit.total! };
  }

  // ---- Single changes, each scored at the next cut-off against carrying on unchanged ----
  const first = projections[0]!;
  const base = grow(profile, first.monthsFromToday);
  const baseTotal = first.total ?? 0;
  const candidates: { key: string; change: string; profile: ProfileInput }[] = [];

  const nextEdu = nextOf<EducationLevel>(EDUCATION_LEVELS, profile.education ?? 'none');
  if (nextEdu) {
    candidates.push({
      key: 'education',
      change: `取得更高学历：${EDUCATION_LABELS[nextEdu]}${nextEdu === 'bachelor' || nextEdu === 'master' || nextEdu === 'doctor' ? '（同时取得学位）' : ''}`,
      profile: { ...base, education: nextEdu, hasDiplomaAndDegree: true },
    });
  }
  if (profile.hasDiplomaAndDegree === false) {
    candidates.push({
      key: 'degree',
      change: '补齐学历或学位证书（学历学位齐全）',
      profile: { ...base, hasDiplomaAndDegree: true },
    });
  }
  const nextTitle = nextOf<TitleLevel>(TITLE_LEVELS, profile.title ?? 'none');
  if (nextTitle)
    candidates.push({ key: 'title', change: `取得${TITLE_LABELS[nextTitle]}`, profile: { ...base, title: nextTitle } });
  const skill = profile.skillLevel;
  const nextSkill = skill === undefined || skill > 3 ? 3 : skill > 1 ? skill - 1 : undefined;
  if (nextSkill) {
    candidates.push({
      key: 'skill',
      change: `取得职业技能等级：${SKILL_LABELS[nextSkill as 1 | 2 | 3]}`,
      profile: { ...base, skillLevel: nextSkill },
    });
  }
  if (!profile.ownHome)
    candidates.push({
      key: 'ownHome',
      change: '在市区购买产权住房并实际居住（登记地址为该住房）',
      profile: { ...base, ownHome: true },
    });
  candidates.push({
    key: 'socialInsurance',
    change: '多缴纳12个月社保（不含补缴）',
    profile: { ...base, socialInsuranceMonths: (base.socialInsuranceMonths ?? 0) + 12 },
  });
  candidates.push({
    key: 'residenceRegistration',
    change: '多1年居住登记',
    profile: { ...base, residenceRegistrationYears: (base.residenceRegistrationYears ?? 0) + 1 },
  });
  if (!profile.ownHome) {
    candidates.push({
      key: 'rental',
      change: '多1年合法租赁（租赁合同登记备案）',
      profile: { ...base, rentalYears: (base.rentalYears ?? 0) + 1 },
    });
  }
  candidates.push({
    key: 'incomeTax',
    change: '5年内在市区多缴纳个人所得税1万元',
    profile: { ...base, incomeTaxYuan: (base.incomeTaxYuan ?? 0) + 10000 },
  });
  candidates.push({
    key: 'volunteering',
    change: '多参加20小时志愿服务（志愿汇记录）',
    profile: { ...base, volunteerHours: (base.volunteerHours ?? 0) + 20 },
  });
  candidates.push({
    key: 'charity',
    change: '慈善捐赠1000元',
    profile: { ...base, donationYuan: (base.donationYuan ?? 0) + 1000 },
  });
  candidates.push({
    key: 'bloodDonation',
    change: '无偿献血200毫升',
    profile: { ...base, bloodDonationMl: (base.bloodDonationMl ?? 0) + 200 },
  });
  candidates.push({
    key: 'inventionPatent',
    change: '以第一专利权人取得1项发明专利',
    profile: { ...base, inventionPatents: [...(base.inventionPatents ?? []), { firstPatentee: true }] },
  });
  // Bone-marrow donation is a medical act we do not suggest as a way to gain points.

  const suggestions: PlanSuggestion[] = [];
  for (const c of candidates) {
    const total = scorePoints(c.profile, { cutoffDate: first.cutoffDate }).total ?? 0;
    const gain = total - baseTotal;
    if (gain > 0) suggestions.push({ key: c.key, change: c.change, gain, totalAfter: total });
  }
  // Stable sort keeps the candidate order above for equal gains (education first: it lasts).
  suggestions.sort((a, b) => b.gain - a.gain);
  return { current, projections, reaches100, suggestions, veto: null, assumptions };
}
