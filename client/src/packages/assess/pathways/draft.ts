// The pathway check's form values and their translation into the rules package's PathwayProfile. Starts from the
// calculator's saved answers (birth date, education, skill level, points) so nobody types them twice.
import { PathwayProfileSchema, scorePoints, type PathwayProfile } from '@hz-points/shared';
import { readPref, writePref } from '../../../lib/storage';
import { evaluateDraft, loadDraft as loadCalculatorDraft, nextCutoff, type YesNo } from '../calculator/draft';

export interface PathwayDraft {
  birthDate: string;
  sex: '' | 'male' | 'female';
  education: string;
  skillLevel: string;
  hukou: '' | 'hangzhou-urban' | 'yangtze-delta' | 'other';
  employedInUrbanDistricts: YesNo;
  employerPaidInsuranceMonths: string;
  legalStableResidenceInUrbanDistricts: YesNo;
  reunionWith: '' | 'child' | 'spouse';
  relativeHasUrbanHukou: YesNo;
  fixedResidenceInUrbanDistricts: YesNo;
  points: string;
  residencePermitValid: YesNo;
  fullCivilCapacity: YesNo;
  county: '' | 'tonglu' | 'chunan' | 'jiande';
  countyResidence: YesNo;
  countyEmployment: YesNo;
}

export const EMPTY_PATHWAY_DRAFT: PathwayDraft = {
  birthDate: '',
  sex: '',
  education: '',
  skillLevel: '',
  hukou: '',
  employedInUrbanDistricts: '',
  employerPaidInsuranceMonths: '',
  legalStableResidenceInUrbanDistricts: '',
  reunionWith: '',
  relativeHasUrbanHukou: '',
  fixedResidenceInUrbanDistricts: '',
  points: '',
  residencePermitValid: '',
  fullCivilCapacity: '',
  county: '',
  countyResidence: '',
  countyEmployment: '',
};

const KEY = 'hz.pathways.draft';

/** Saved answers, else what the calculator already knows (including its estimated total as the points). */
export function loadPathwayDraft(today: string): PathwayDraft {
  const saved = readPref<Partial<PathwayDraft> | null>(KEY, null);
  if (saved && typeof saved === 'object') return { ...EMPTY_PATHWAY_DRAFT, ...saved };
  const calc = loadCalculatorDraft();
  const evaluated = evaluateDraft(calc);
  let points = '';
  if (evaluated.profile) {
    const total = scorePoints(evaluated.profile, { cutoffDate: nextCutoff(today) }).total;
    if (total !== null) points = String(total);
  }
  return {
    ...EMPTY_PATHWAY_DRAFT,
    birthDate: calc.birthDate,
    education: calc.education,
    skillLevel: calc.skillLevel,
    employerPaidInsuranceMonths: calc.socialInsuranceMonths,
    points,
  };
}

export function savePathwayDraft(d: PathwayDraft): void {
  writePref(KEY, d);
}

const yn = (v: YesNo) => (v === 'yes' ? true : v === 'no' ? false : undefined);
const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

function pathwayInput(d: PathwayDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {
    birthDate: d.birthDate || undefined,
    sex: d.sex || undefined,
    education: d.education || undefined,
    skillLevel: num(d.skillLevel),
    hukou: d.hukou || undefined,
    employedInUrbanDistricts: yn(d.employedInUrbanDistricts),
    employerPaidInsuranceMonths: num(d.employerPaidInsuranceMonths),
    legalStableResidenceInUrbanDistricts: yn(d.legalStableResidenceInUrbanDistricts),
    points: num(d.points),
    residencePermitValid: yn(d.residencePermitValid),
    fullCivilCapacity: yn(d.fullCivilCapacity),
  };
  if (d.reunionWith) {
    out.reunion = {
      with: d.reunionWith,
      relativeHasUrbanHukou: yn(d.relativeHasUrbanHukou),
      fixedResidenceInUrbanDistricts: yn(d.fixedResidenceInUrbanDistricts),
    };
  }
  if (d.county)
    out.county = {
      name: d.county,
      legalStableResidence: yn(d.countyResidence),
      legalStableEmployment: yn(d.countyEmployment),
    };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

export interface PathwayEvaluated {
  profile: PathwayProfile | null;
  errors: Record<string, string>;
}

export function evaluatePathwayDraft(d: PathwayDraft): PathwayEvaluated {
  const input = pathwayInput(d);
  const parsed = PathwayProfileSchema.safeParse(input);
  if (parsed.success) return { profile: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const head = String(issue.path[0] ?? '');
    if (head === 'birthDate' && !d.birthDate) continue;
    errors[head] ??= issue.message;
  }
  // Judge with what is valid: drop the offending fields (an absent fact makes a condition undetermined, never met).
  const pruned = { ...input };
  for (const issue of parsed.error.issues) delete pruned[String(issue.path[0] ?? '')];
  const again = PathwayProfileSchema.safeParse(pruned);
  return { profile: again.success ? again.data : null, errors };
}
