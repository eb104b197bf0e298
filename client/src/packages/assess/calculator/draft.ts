// The calculator form's values (what the widgets hold) and their translation into the rules package's profile.
// Kept pure so the mapping is tested without a UI, and saved so the pathway check (and a later application) can
// start from what the person already typed.
import {
  parseProfile,
  type EducationLevel,
  type HonourLevel,
  type ProfileFieldError,
  type ProfileInput,
  type TitleLevel,
  type TAXPAYER_TYPES,
} from '@hz-points/shared';
import { readPref, writePref } from '../../../lib/storage';

export type YesNo = 'yes' | 'no' | '';

export interface HonourDraft {
  level: HonourLevel | '';
  matter: string;
}

export interface CalculatorDraft {
  birthDate: string;
  education: EducationLevel | '';
  hasDiplomaAndDegree: YesNo;
  title: TitleLevel | '';
  skillLevel: '' | '1' | '2' | '3' | '4' | '5';
  socialInsuranceMonths: string;
  residenceRegistrationYears: string;
  ownHome: YesNo;
  rentalYears: string;
  incomeTaxYuan: string;
  taxpayerType: (typeof TAXPAYER_TYPES)[number] | '';
  honours: HonourDraft[];
  boneMarrowDonation: YesNo;
  bloodDonationMl: string;
  volunteerHours: string;
  donationYuan: string;
  patentsFirst: string;
  patentsCo: string;
  criminal: string;
  drugRehab: string;
  detention: string;
  dishonesty: YesNo;
  severeDishonesty: string;
  vetoed: YesNo;
}

export const EMPTY_DRAFT: CalculatorDraft = {
  birthDate: '',
  education: '',
  hasDiplomaAndDegree: 'yes',
  title: '',
  skillLevel: '',
  socialInsuranceMonths: '',
  residenceRegistrationYears: '',
  ownHome: '',
  rentalYears: '',
  incomeTaxYuan: '',
  taxpayerType: '',
  honours: [],
  boneMarrowDonation: '',
  bloodDonationMl: '',
  volunteerHours: '',
  donationYuan: '',
  patentsFirst: '',
  patentsCo: '',
  criminal: '',
  drugRehab: '',
  detention: '',
  dishonesty: '',
  severeDishonesty: '',
  vetoed: '',
};

const DRAFT_KEY = 'hz.calculator.draft';

export function loadDraft(): CalculatorDraft {
  const saved = readPref<Partial<CalculatorDraft> | null>(DRAFT_KEY, null);
  if (!saved || typeof saved !== 'object') return { ...EMPTY_DRAFT };
  const merged = { ...EMPTY_DRAFT, ...saved };
  return { ...merged, honours: Array.isArray(merged.honours) ? merged.honours : [] };
}

export function saveDraft(draft: CalculatorDraft): void {
  writePref(DRAFT_KEY, draft);
}

/** '' → absent; anything else → a number (NaN if not numeric, which the schema rejects in Chinese). */
function num(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  if (s === '') return undefined;
  return Number(s);
}

function yesNo(value: YesNo): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

/** The raw profile for `parseProfile`: absent fields left out, nothing validated here. */
function draftToProfileInput(d: CalculatorDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => {
    if (v !== undefined) out[k] = v;
  };
  set('birthDate', d.birthDate || undefined);
  set('education', d.education || undefined);
  set('hasDiplomaAndDegree', yesNo(d.hasDiplomaAndDegree));
  set('title', d.title || undefined);
  set('skillLevel', num(d.skillLevel));
  set('socialInsuranceMonths', num(d.socialInsuranceMonths));
  set('residenceRegistrationYears', num(d.residenceRegistrationYears));
  set('ownHome', yesNo(d.ownHome));
  set('rentalYears', num(d.rentalYears));
  set('incomeTaxYuan', num(d.incomeTaxYuan));
  set('taxpayerType', d.taxpayerType || undefined);
  if (d.honours.length)
    set(
      'honours',
      d.honours.map((h) => ({ level: h.level || undefined, matter: h.matter })),
    );
  set('boneMarrowDonation', yesNo(d.boneMarrowDonation));
  set('bloodDonationMl', num(d.bloodDonationMl));
  set('volunteerHours', num(d.volunteerHours));
  set('donationYuan', num(d.donationYuan));
  const first = num(d.patentsFirst);
  const co = num(d.patentsCo);
  if (first !== undefined || co !== undefined) {
    const list: { firstPatentee: boolean }[] = [];
    // Counts are validated below as whole numbers; the list is only built from sane ones.
    const ok = (n: number | undefined) => n !== undefined && Number.isInteger(n) && n >= 0 && n <= 50;
    if (ok(first)) for (let i = 0; i < first!; i++) list.push({ firstPatentee: true });
    if (ok(co)) for (let i = 0; i < co!; i++) list.push({ firstPatentee: false });
    set('inventionPatents', list);
  }
  const records: Record<string, unknown> = {};
  const rec = (k: string, v: unknown) => {
    if (v !== undefined) records[k] = v;
  };
  rec('criminal', num(d.criminal));
  rec('drugRehab', num(d.drugRehab));
  rec('detention', num(d.detention));
  rec('dishonesty', yesNo(d.dishonesty));
  rec('severeDishonesty', num(d.severeDishonesty));
  rec('vetoed', yesNo(d.vetoed));
  if (Object.keys(records).length) set('records', records);
  return out;
}

/** Form field a profile error belongs to (the schema's path → our widget). */
function fieldOfError(path: string): keyof CalculatorDraft | string {
  const [head, second] = path.split('.');
  if (head === 'records' && second) return second;
  if (head === 'inventionPatents') return 'patents';
  if (head === 'honours') return 'honours';
  return head;
}

/** Form-level checks the profile schema cannot see (it receives a list, not our two counts). */
function countErrors(d: CalculatorDraft): ProfileFieldError[] {
  const errors: ProfileFieldError[] = [];
  const check = (value: string, label: string) => {
    const n = num(value);
    if (n === undefined) return;
    if (!Number.isFinite(n)) errors.push({ field: 'patents', message: `${label}必须是数字` });
    else if (!Number.isInteger(n)) errors.push({ field: 'patents', message: `${label}必须是整数` });
    else if (n < 0) errors.push({ field: 'patents', message: `${label}不能为负数` });
    else if (n > 50) errors.push({ field: 'patents', message: `${label}不能超过50项` });
  };
  check(d.patentsFirst, '第一专利权人的发明专利数');
  check(d.patentsCo, '共同专利权人的发明专利数');
  return errors;
}

export interface Evaluated {
  /** The profile to score: the valid part of what was typed (a field with an error counts as not filled). */
  profile: ProfileInput | null;
  /** Chinese messages by form field. */
  errors: Record<string, string>;
  /** True when every field is valid. */
  complete: boolean;
}

export function evaluateDraft(d: CalculatorDraft): Evaluated {
  const input = draftToProfileInput(d);
  const errors: Record<string, string> = {};
  for (const e of countErrors(d)) errors[e.field] ??= e.message;
  const first = parseProfile(input);
  if (first.ok && Object.keys(errors).length === 0) return { profile: first.profile, errors, complete: true };
  if (!first.ok) {
    for (const e of first.errors) {
      // A birth date not chosen yet is not an error to shout about: the total bar already asks for it.
      if (e.field === 'birthDate' && !d.birthDate) continue;
      errors[fieldOfError(e.field)] ??= e.message;
    }
  }
  // Score what is valid: drop the offending fields and parse again.
  const pruned: Record<string, unknown> = { ...input };
  if (!first.ok) {
    for (const e of first.errors) {
      const [head, second] = e.field.split('.');
      if (head === 'records' && second && pruned.records) {
        const r = { ...(pruned.records as Record<string, unknown>) };
        delete r[second];
        pruned.records = r;
      } else delete pruned[head];
    }
  }
  const second = parseProfile(pruned);
  return { profile: second.ok ? second.profile : null, errors, complete: false };
}

export { nextCutoff } from '../../../lib/rounds';
