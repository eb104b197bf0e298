// Types of the points rule data. The data itself lives in rules.ts; code only interprets a handful of formula
// kinds, so a policy change (a number, a cap, a date) is an edit of data, never of code.

import type { Citation, CitedDocument, Confidence } from '../citation';
export type { Citation, CitedDocument, Confidence, StatedCitation } from '../citation';

/** @deprecated The one citation type is `Citation` (shared/src/citation.ts); this name is kept for compatibility. */
export type Source = Citation;
/** @deprecated Use `CitedDocument`. */
export type SourceDoc = CitedDocument;

export type IndicatorGroup = 'basic' | 'bonus' | 'deduction' | 'veto';

import type { DepartmentCode } from './departments';
export type { DepartmentCode };

export type EducationLevel = 'none' | 'high-school' | 'junior-college' | 'bachelor' | 'master' | 'doctor';
export type TitleLevel = 'none' | 'intermediate' | 'associate-senior' | 'senior';
export type HonourLevel = 'national' | 'provincial' | 'city' | 'district';

// ---- Formula parameters (one shape per formula kind) ----

/**
 * Age: points = clamp(anchorPoints + perYear × (anchorAge − age), floorPoints, maxPoints) for minAge ≤ age ≤
 * zeroAboveAge (null = no upper limit), else 0. Both known tables fit this shape (see rules.ts).
 */
export interface AgeParams {
  minAge: number;
  anchorAge: number;
  anchorPoints: number;
  perYear: number;
  maxPoints: number;
  floorPoints: number;
  zeroAboveAge: number | null;
}

export interface EducationParams {
  points: Record<EducationLevel, number>;
  /** Levels at which holding only the diploma or only the degree costs `partialDeduction` points. */
  partialLevels: EducationLevel[];
  partialDeduction: number;
}

export interface TitleSkillParams {
  title: Record<TitleLevel, number>;
  /** Skill level 1 (高级技师) … 5 (初级工) → points. */
  skill: Record<1 | 2 | 3 | 4 | 5, number>;
}

/** points = floor(amount / unit) × rate, at most cap. */
export interface LinearParams {
  unit: number;
  rate: number;
  cap: number;
}

/** 0 below `threshold`; `firstPoints` at it; + `stepPoints` per further full `step`; at most cap. */
export interface ThresholdStepParams {
  threshold: number;
  firstPoints: number;
  step: number;
  stepPoints: number;
  cap: number;
}

/**
 * A reading that applies only to some applicants and has its own provenance (it may be less certain than the
 * version it sits in): the item scored with it carries this source, flag and confidence instead of the version's.
 */
export interface SubReading<P> {
  params: P;
  source: Citation;
  verified: boolean;
  confidence: Confidence;
  /** What was assumed, in Chinese. */
  note: string;
  alternatives?: Alternative<P>[];
}

/** Income tax: the general scale, and the separate scale public copies describe for 个体工商户/个人投资者. */
export interface IncomeTaxParams extends ThresholdStepParams {
  businessOwner: SubReading<ThresholdStepParams>;
}

export interface FlatParams {
  points: number;
}

export interface HonoursParams {
  levels: Record<HonourLevel, { each: number; cap: number }>;
}

export interface PatentParams {
  firstPatentee: number;
  coPatentee: number;
  /** null = no cap. */
  cap: number | null;
}

/** A deduction: `each` per counted act, or a single `once` deduction if there is any. Stored as positive numbers. */
export interface DeductionParams {
  each: number;
  /** true: deduct `each` once however many records (FAQ2021 Q3 "存在失信记录的，扣40分"). */
  once: boolean;
}

/** One published veto (一票否决) condition, with where it was read: none is in our two source documents. */
export interface VetoCondition {
  /** Chinese, as shown to users. */
  text: string;
  source: Citation;
  confidence: Confidence;
}

export interface VetoParams {
  /** Every published condition that triggers the veto. */
  conditions: VetoCondition[];
}

export interface ParamsByCode {
  age: AgeParams;
  education: EducationParams;
  titleSkill: TitleSkillParams;
  socialInsurance: LinearParams;
  residenceRegistration: LinearParams;
  ownHome: FlatParams;
  rental: LinearParams;
  incomeTax: IncomeTaxParams;
  honours: HonoursParams;
  boneMarrow: FlatParams;
  bloodDonation: ThresholdStepParams;
  volunteering: LinearParams;
  charity: LinearParams;
  inventionPatent: PatentParams;
  criminal: DeductionParams;
  drugRehab: DeductionParams;
  detention: DeductionParams;
  dishonesty: DeductionParams;
  severeDishonesty: DeductionParams;
  familyPlanning: DeductionParams;
  veto: VetoParams;
}

export type IndicatorCode = keyof ParamsByCode;

/** A value the sources disagree on (or are silent about), kept beside the chosen one. */
export interface Alternative<P> {
  params: Partial<P>;
  note: string;
  source?: Citation;
}

/** One dated version of an indicator's parameters (openfisca style: values with dates and citations). */
export interface IndicatorVersion<P> {
  /** Stable id, used in warnings and audit records. */
  id: string;
  /** First cut-off date this version applies to (inclusive); null = since before our data begins. */
  from: string | null;
  /** Last cut-off date, exclusive; null = still in force. */
  until: string | null;
  params: P;
  source: Citation;
  otherSources?: Citation[];
  /** true ONLY if one of the two source documents states every value of this version. */
  verified: boolean;
  confidence: Confidence;
  /** What was assumed, in Chinese (required when verified is false). */
  note?: string;
  alternatives?: Alternative<P>[];
  /** true: the indicator was deleted from this date on (kept so older rounds still score it). */
  removed?: boolean;
}

export interface Indicator<C extends IndicatorCode = IndicatorCode> {
  code: C;
  label: string;
  group: IndicatorGroup;
  department: DepartmentCode;
  /** Evidence the applicant provides (Chinese, for the 办事指南 page). */
  evidence: string[];
  /** Only evidence obtained within this many years before the cut-off date counts; null = no window. */
  lookBackYears: number | null;
  lookBackSource?: Citation;
  /** Short Chinese statement of the rule, for the guide page. */
  summary: string;
  versions: IndicatorVersion<ParamsByCode[C]>[];
}

export type IndicatorTable = { [C in IndicatorCode]: Indicator<C> };
