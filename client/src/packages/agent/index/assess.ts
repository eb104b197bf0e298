// Batch self-assessment for an employer agent: a few fields per employee scored with the rules package's own
// scorePoints on the coming round's cut-off date. Nothing is sent anywhere: it is an estimate to decide whom to
// help apply.
import { parseProfile, roundDates, scorePoints, type ProfileInput } from '@hz-points/shared';

export interface QuickProfile {
  birthDate: string;
  education: string;
  socialInsuranceMonths: string;
  residenceRegistrationYears: string;
  housing: 'own' | 'rent' | 'none';
  rentalYears: string;
}

export const EMPTY_QUICK: QuickProfile = {
  birthDate: '',
  education: 'bachelor',
  socialInsuranceMonths: '',
  residenceRegistrationYears: '',
  housing: 'rent',
  rentalYears: '',
};

export type QuickScore = { ok: true; total: number | null; cutoffDate: string } | { ok: false; message: string };

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

export function quickScore(q: QuickProfile, roundYear: number): QuickScore {
  const input: ProfileInput = {
    birthDate: q.birthDate.trim(),
    education: q.education as ProfileInput['education'],
    socialInsuranceMonths: num(q.socialInsuranceMonths),
    residenceRegistrationYears: num(q.residenceRegistrationYears),
    ownHome: q.housing === 'own' ? true : undefined,
    rentalYears: q.housing === 'rent' ? num(q.rentalYears) : undefined,
  };
  const parsed = parseProfile(input);
  if (!parsed.ok) return { ok: false, message: parsed.errors[0]?.message ?? '填写有误' };
  const cutoffDate = roundDates(roundYear).cutoffDate;
  const result = scorePoints(parsed.profile, { cutoffDate });
  return { ok: true, total: result.total, cutoffDate };
}
