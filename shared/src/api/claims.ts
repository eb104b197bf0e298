// Claim data per indicator: the calculator profile's own fields (scoring/profile.ts), so a claim, a reviewer's
// accepted value and the self-assessment all speak the same shape and `scorePoints` reads approved values as they
// are. Deduction and veto fields live under `records` in the profile; a claim carries them flat.
import { z } from 'zod';
import { ProfileSchema, RecordsSchema } from '../scoring/profile';
import type { IndicatorCode } from '../scoring/types';

const P = ProfileSchema.shape;
const R = RecordsSchema.shape;

/** Indicators whose fields go under `profile.records`. */
export const RECORD_INDICATORS = [
  'criminal',
  'drugRehab',
  'detention',
  'dishonesty',
  'severeDishonesty',
  'veto',
] as const;
export type RecordIndicator = (typeof RECORD_INDICATORS)[number];

export const CLAIM_VALUE_SCHEMAS = {
  age: z.strictObject({ birthDate: P.birthDate }),
  education: z.strictObject({ education: P.education.unwrap(), hasDiplomaAndDegree: P.hasDiplomaAndDegree.optional() }),
  titleSkill: z
    .strictObject({ title: P.title, skillLevel: P.skillLevel })
    .refine((v) => v.title !== undefined || v.skillLevel !== undefined, '请填写专业技术职称或职业技能等级'),
  socialInsurance: z.strictObject({ socialInsuranceMonths: P.socialInsuranceMonths.unwrap() }),
  residenceRegistration: z.strictObject({ residenceRegistrationYears: P.residenceRegistrationYears.unwrap() }),
  ownHome: z.strictObject({ ownHome: P.ownHome.unwrap() }),
  rental: z.strictObject({ rentalYears: P.rentalYears.unwrap() }),
  /** `taxpayerType` absent = the general scale; `business-owner` scores with the unverified reading (C). */
  incomeTax: z.strictObject({ incomeTaxYuan: P.incomeTaxYuan.unwrap(), taxpayerType: P.taxpayerType }),
  honours: z.strictObject({ honours: P.honours.unwrap() }),
  boneMarrow: z.strictObject({ boneMarrowDonation: P.boneMarrowDonation.unwrap() }),
  bloodDonation: z.strictObject({ bloodDonationMl: P.bloodDonationMl.unwrap() }),
  volunteering: z.strictObject({ volunteerHours: P.volunteerHours.unwrap() }),
  charity: z.strictObject({ donationYuan: P.donationYuan.unwrap() }),
  inventionPatent: z.strictObject({ inventionPatents: P.inventionPatents.unwrap() }),
  criminal: z.strictObject({ criminal: R.criminal.unwrap() }),
  drugRehab: z.strictObject({ drugRehab: R.drugRehab.unwrap() }),
  detention: z.strictObject({ detention: R.detention.unwrap() }),
  dishonesty: z.strictObject({ dishonesty: R.dishonesty.unwrap() }),
  severeDishonesty: z.strictObject({ severeDishonesty: R.severeDishonesty.unwrap() }),
  /** Deleted by the 2021 revision (FAQ2021 Q3): nothing to claim; kept so the table covers every indicator. */
  familyPlanning: z.strictObject({}),
  veto: z.strictObject({ vetoed: R.vetoed.unwrap() }),
} satisfies Record<IndicatorCode, z.ZodType>;

/** Indicators an applicant fills in (age comes from the ID number; family planning no longer counts). */
export const CLAIMABLE_INDICATORS = (Object.keys(CLAIM_VALUE_SCHEMAS) as IndicatorCode[]).filter(
  (c) => c !== 'age' && c !== 'familyPlanning',
);

/**
 * Declarations every submitted application carries, reviewed by public security even when the applicant left
 * them out of the form: the default is "none" (the applicant's commitment covers it).
 */
export const DEFAULT_DECLARATIONS: Partial<Record<IndicatorCode, Record<string, unknown>>> = {
  criminal: { criminal: 0 },
  drugRehab: { drugRehab: 0 },
  detention: { detention: 0 },
  dishonesty: { dishonesty: false },
  severeDishonesty: { severeDishonesty: 0 },
  veto: { vetoed: false },
};

/** Most files one list of evidence may name, a claim's or an objection's (a form limit, not policy). */
export const EVIDENCE_FILES_MAX = 20;

const claimOf = <C extends IndicatorCode>(indicator: C) =>
  z.strictObject({
    indicator: z.literal(indicator),
    value: CLAIM_VALUE_SCHEMAS[indicator],
    evidence: z.array(z.string().regex(/^[A-Za-z0-9_:-]{1,128}$/, '材料编号格式不正确')).max(EVIDENCE_FILES_MAX),
  });

/** One claimed indicator of a draft: `{ indicator, value: <that indicator's profile fields>, evidence: fileId[] }`. */
export const ClaimSchema = z.discriminatedUnion(
  'indicator',
  CLAIMABLE_INDICATORS.map((c) => claimOf(c)) as unknown as [
    ReturnType<typeof claimOf>,
    ...ReturnType<typeof claimOf>[],
  ],
);

/** Validates a claim / accepted value for an indicator. */
export function claimValueSchema(indicator: IndicatorCode): z.ZodType<Record<string, unknown>> {
  return CLAIM_VALUE_SCHEMAS[indicator] as unknown as z.ZodType<Record<string, unknown>>;
}
