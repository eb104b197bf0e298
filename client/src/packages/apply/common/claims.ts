// What an applicant declares per indicator: the calculator-profile fields each claim carries (the server checks a
// claim's value against the same profile schema). Form values are strings; `toClaimValue` converts and validates
// them with the shared ProfileSchema, field by field, so messages are the rules package's Chinese ones.
import {
  EDUCATION_LABELS,
  HONOUR_LEVEL_LABELS,
  INDICATORS,
  PROFILE_FIELD_LABELS,
  ProfileSchema,
  CLAIMABLE_INDICATORS,
  SKILL_LABELS,
  TAXPAYER_TYPE_LABELS,
  TITLE_LABELS,
  claimValueSchema,
  describeIssues,
  parseZh,
  type IndicatorCode,
} from '@hz-points/shared';

type FieldKind = 'date' | 'int' | 'amount' | 'bool' | 'enum' | 'honours' | 'patents';

export interface ClaimField {
  key: keyof typeof ProfileSchema.shape;
  kind: FieldKind;
  options?: { value: string; label: string }[];
  unit?: string;
  placeholder?: string;
}

const opts = (labels: Record<string | number, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * Indicators the form offers: the rules package's claimable ones minus the deduction/veto declarations, which
 * default to "none" under the applicant's commitment and are checked by public security against its records.
 * Age is not claimed: it comes from the ID number.
 */
export const CLAIM_FIELDS: Partial<Record<IndicatorCode, ClaimField[]>> = {
  education: [
    { key: 'education', kind: 'enum', options: opts(EDUCATION_LABELS) },
    { key: 'hasDiplomaAndDegree', kind: 'bool' },
  ],
  titleSkill: [
    { key: 'title', kind: 'enum', options: opts(TITLE_LABELS) },
    { key: 'skillLevel', kind: 'enum', options: [{ value: '', label: '无' }, ...opts(SKILL_LABELS)] },
  ],
  socialInsurance: [{ key: 'socialInsuranceMonths', kind: 'int', unit: '个月' }],
  residenceRegistration: [{ key: 'residenceRegistrationYears', kind: 'int', unit: '年' }],
  ownHome: [{ key: 'ownHome', kind: 'bool' }],
  rental: [{ key: 'rentalYears', kind: 'int', unit: '年' }],
  incomeTax: [
    { key: 'incomeTaxYuan', kind: 'amount', unit: '元' },
    // Business owners are scored on their own (unverified) reading; defaults to the general scale.
    { key: 'taxpayerType', kind: 'enum', options: opts(TAXPAYER_TYPE_LABELS) },
  ],
  honours: [{ key: 'honours', kind: 'honours' }],
  boneMarrow: [{ key: 'boneMarrowDonation', kind: 'bool' }],
  bloodDonation: [{ key: 'bloodDonationMl', kind: 'amount', unit: '毫升' }],
  volunteering: [{ key: 'volunteerHours', kind: 'amount', unit: '小时' }],
  charity: [{ key: 'donationYuan', kind: 'amount', unit: '元' }],
  inventionPatent: [{ key: 'inventionPatents', kind: 'patents' }],
};

export const CLAIMABLE: IndicatorCode[] = CLAIMABLE_INDICATORS.filter((c) => CLAIM_FIELDS[c] !== undefined);

export function indicatorLabel(code: IndicatorCode | string): string {
  return (INDICATORS as Record<string, { label: string }>)[code]?.label ?? code;
}

export function fieldLabel(key: string): string {
  return (PROFILE_FIELD_LABELS as Record<string, string>)[key] ?? key;
}

/** Form state of one claim: field → string (lists as JSON-free arrays of strings). */
export type ClaimForm = Record<string, string | { level: string; matter: string }[] | { firstPatentee: string }[]>;

export function emptyClaimForm(code: IndicatorCode): ClaimForm {
  const out: ClaimForm = {};
  for (const f of CLAIM_FIELDS[code] ?? []) {
    if (f.kind === 'honours') out[f.key] = [{ level: 'city', matter: '' }];
    else if (f.kind === 'patents') out[f.key] = [{ firstPatentee: 'true' }];
    else if (f.kind === 'bool')
      out[f.key] =
        f.key === 'hasDiplomaAndDegree' || f.key === 'ownHome' || f.key === 'boneMarrowDonation' ? 'true' : '';
    else if (f.kind === 'enum') out[f.key] = f.options?.[0]?.value ?? '';
    else out[f.key] = '';
  }
  return out;
}

/** Converts a stored claim value back into form strings (for drafts). */
export function claimFormFromValue(code: IndicatorCode, value: Record<string, unknown>): ClaimForm {
  const out = emptyClaimForm(code);
  for (const f of CLAIM_FIELDS[code] ?? []) {
    const v = value[f.key];
    if (v === undefined || v === null) continue;
    if (f.kind === 'honours' && Array.isArray(v)) {
      out[f.key] = v.map((h) => ({
        level: String((h as { level?: unknown }).level ?? 'city'),
        matter: String((h as { matter?: unknown }).matter ?? ''),
      }));
    } else if (f.kind === 'patents' && Array.isArray(v)) {
      out[f.key] = v.map((p) => ({ firstPatentee: String((p as { firstPatentee?: unknown }).firstPatentee ?? true) }));
    } else out[f.key] = String(v);
  }
  return out;
}

export type ClaimValueResult = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

function convert(f: ClaimField, raw: ClaimForm[string]): unknown {
  if (f.kind === 'honours')
    return (raw as { level: string; matter: string }[]).map((h) => ({ level: h.level, matter: h.matter }));
  if (f.kind === 'patents')
    return (raw as { firstPatentee: string }[]).map((p) => ({ firstPatentee: p.firstPatentee === 'true' }));
  const s = String(raw ?? '').trim();
  if (s === '') return undefined;
  if (f.kind === 'bool') return s === 'true';
  if (f.kind === 'int' || f.kind === 'amount') return Number(s);
  if (f.key === 'skillLevel') return Number(s);
  return s;
}

/** Form strings → the claim value, validated with the profile schema's own field rules. */
export function toClaimValue(code: IndicatorCode, form: ClaimForm): ClaimValueResult {
  const value: Record<string, unknown> = {};
  for (const f of CLAIM_FIELDS[code] ?? []) {
    const v = convert(f, form[f.key]);
    if (v === undefined) {
      if (f.key === 'skillLevel' || f.key === 'title') continue;
      return { ok: false, message: `${fieldLabel(f.key)}：请填写` };
    }
    const schema = ProfileSchema.shape[f.key];
    const parsed = parseZh(schema, v);
    if (!parsed.success)
      return { ok: false, message: parsed.error.issues[0]?.message ?? `${fieldLabel(f.key)}格式不正确` };
    value[f.key] = parsed.data;
  }
  if (code === 'titleSkill' && value.title === undefined && value.skillLevel === undefined) {
    return { ok: false, message: '请至少选择职称或职业技能等级中的一项' };
  }
  // The whole value through the same schema the server applies to a claim.
  const whole = parseZh(claimValueSchema(code), value);
  if (!whole.success) return { ok: false, message: describeIssues(whole.error) };
  return { ok: true, value: whole.data };
}

/** One line describing a claim value in Chinese (progress, review queue). */
export function describeValue(code: IndicatorCode | string, value: Record<string, unknown> | null | undefined): string {
  if (!value) return '—';
  const fields = CLAIM_FIELDS[code as IndicatorCode] ?? [];
  const parts: string[] = [];
  for (const f of fields) {
    const v = value[f.key];
    if (v === undefined || v === null) continue;
    if (f.kind === 'honours' && Array.isArray(v)) {
      parts.push(
        v
          .map(
            (h) =>
              `${(HONOUR_LEVEL_LABELS as Record<string, string>)[String(h.level)] ?? h.level}：${String(h.matter)}`,
          )
          .join('；'),
      );
    } else if (f.kind === 'patents' && Array.isArray(v)) {
      parts.push(`发明专利${v.length}项（第一专利权人${v.filter((p) => p.firstPatentee).length}项）`);
    } else if (f.kind === 'bool') parts.push(`${fieldLabel(f.key)}：${v ? '是' : '否'}`);
    else if (f.kind === 'enum')
      parts.push(`${fieldLabel(f.key)}：${f.options?.find((o) => o.value === String(v))?.label ?? String(v)}`);
    else parts.push(`${fieldLabel(f.key)}：${String(v)}${f.unit ?? ''}`);
  }
  // Fields the form does not know (declarations, a newer server) still show rather than vanish.
  for (const [k, v] of Object.entries(value)) {
    if (fields.some((f) => f.key === k)) continue;
    if (typeof v === 'boolean') parts.push(`${fieldLabel(k)}：${v ? '是' : '否'}`);
    else if (typeof v === 'string' || typeof v === 'number') parts.push(`${fieldLabel(k)}：${String(v)}`);
  }
  return parts.join('，') || '—';
}
