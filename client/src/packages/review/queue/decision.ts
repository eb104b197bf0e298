// What a reviewer confirms for one item: the fields come from the indicator's claim schema (shared
// CLAIM_VALUE_SCHEMAS, the same the cloud `review.decide` validates `acceptedValue` with), prefilled with what was
// declared. Items a department confirms from its own records (age, deductions, veto) are not part of the applicant's
// form, so their fields are defined here; the others reuse the application form's fields.
import { OWN_RECORD_INDICATORS, claimValueSchema, parseZh, type IndicatorCode } from '@hz-points/shared';
import {
  claimFormFromValue,
  describeValue,
  fieldLabel,
  toClaimValue,
  type ClaimField,
  type ClaimForm,
} from '../../apply/common/claims';
import { formatChineseDate } from '../../apply/common/workdays';

export type OwnRecordIndicator = (typeof OWN_RECORD_INDICATORS)[number];

export function isOwnRecord(code: string): code is OwnRecordIndicator {
  return (OWN_RECORD_INDICATORS as readonly string[]).includes(code);
}

const COUNT = (key: ClaimField['key']): ClaimField => ({ key, kind: 'int', unit: '次' });

/** Fields of the own-record items, keyed like their claim schema (CLAIM_VALUE_SCHEMAS). */
export const OWN_RECORD_FIELDS: Record<OwnRecordIndicator, ClaimField[]> = {
  age: [{ key: 'birthDate', kind: 'date', placeholder: 'YYYY-MM-DD' }],
  criminal: [COUNT('criminal' as ClaimField['key'])],
  drugRehab: [COUNT('drugRehab' as ClaimField['key'])],
  detention: [COUNT('detention' as ClaimField['key'])],
  dishonesty: [{ key: 'dishonesty' as ClaimField['key'], kind: 'bool' }],
  severeDishonesty: [COUNT('severeDishonesty' as ClaimField['key'])],
  veto: [{ key: 'vetoed' as ClaimField['key'], kind: 'bool' }],
};

/**
 * What the reviewer states by approving an own-record item, shown beside its fields: the prefilled value is the
 * applicant's declaration (or the ID number's birth date), never a finding; the reviewer confirms it against the
 * department's records.
 */
export const OWN_RECORD_STATEMENTS: Record<OwnRecordIndicator, string> = {
  age: '出生日期按申请人身份证号码预填，请与户籍记录核对后确认。',
  criminal: '按申请人承诺预填为0次；审核通过即确认经本部门记录核查，刑事犯罪记录为所填次数。',
  drugRehab: '按申请人承诺预填为0次；审核通过即确认经本部门记录核查，强制隔离戒毒为所填次数。',
  detention: '按申请人承诺预填为0次；审核通过即确认经本部门记录核查，拘留为所填次数。',
  dishonesty: '按申请人承诺预填为“否”；审核通过即确认经核查的失信记录情况。',
  severeDishonesty: '按申请人承诺预填为0次；审核通过即确认经核查，列入严重失信名单为所填次数。',
  veto: '按申请人承诺预填为“否”；审核通过即确认经本部门记录核查的一票否决情形。',
};

/** The form a reviewer starts from: the declared value (or an earlier accepted one). */
export function reviewFormFromValue(code: IndicatorCode | string, value: Record<string, unknown>): ClaimForm {
  if (!isOwnRecord(code)) return claimFormFromValue(code as IndicatorCode, value);
  const out: ClaimForm = {};
  for (const f of OWN_RECORD_FIELDS[code]) {
    const v = value[f.key];
    out[f.key] = v === undefined || v === null ? '' : String(v);
  }
  return out;
}

export type AcceptedValueResult =
  | { ok: true; value: Record<string, unknown> }
  /** `field` names the control the message concerns; absent when it concerns the whole item. */
  | { ok: false; message: string; field?: string };

function convertOwn(f: ClaimField, raw: string): unknown {
  const s = raw.trim();
  if (s === '') return undefined;
  if (f.kind === 'bool') return s === 'true' ? true : s === 'false' ? false : s;
  if (f.kind === 'int') return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
  return s;
}

/** Form strings → the accepted value, validated with the indicator's claim schema (the server's own check). */
export function toAcceptedValue(code: IndicatorCode | string, form: ClaimForm): AcceptedValueResult {
  if (!isOwnRecord(code)) {
    const r = toClaimValue(code as IndicatorCode, form);
    return r.ok ? r : { ok: false, message: r.message };
  }
  const value: Record<string, unknown> = {};
  for (const f of OWN_RECORD_FIELDS[code]) {
    const v = convertOwn(f, String(form[f.key] ?? ''));
    if (v === undefined) return { ok: false, field: f.key, message: `${fieldLabel(f.key)}：请填写` };
    value[f.key] = v;
  }
  const parsed = parseZh(claimValueSchema(code), value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      field: typeof issue?.path[0] === 'string' ? issue.path[0] : undefined,
      message: issue?.message ?? '填写的信息有误',
    };
  }
  return { ok: true, value: parsed.data };
}

/** One line saying what approving will record, e.g. "刑事犯罪记录次数：0次" or "出生日期：1990年5月12日". */
export function describeRecorded(code: IndicatorCode | string, value: Record<string, unknown>): string {
  if (!isOwnRecord(code)) return describeValue(code, value);
  return OWN_RECORD_FIELDS[code]
    .map((f) => {
      const v = value[f.key];
      if (f.kind === 'bool') return `${fieldLabel(f.key)}：${v === true ? '是' : v === false ? '否' : '—'}`;
      if (f.kind === 'date') return `${fieldLabel(f.key)}：${formatChineseDate(typeof v === 'string' ? v : null)}`;
      return `${fieldLabel(f.key)}：${v === undefined || v === null ? '—' : String(v)}${f.unit ?? ''}`;
    })
    .join('，');
}

/** Whether the accepted value differs from the declaration (the reviewer changed something); defaults applied to both. */
export function changedFromDeclared(
  code: IndicatorCode | string,
  value: Record<string, unknown>,
  declared: Record<string, unknown> | null | undefined,
): boolean {
  const parsed = parseZh(claimValueSchema(code as IndicatorCode), declared ?? {});
  const base: Record<string, unknown> = parsed.success ? parsed.data : (declared ?? {});
  const keys = new Set([...Object.keys(value), ...Object.keys(base)]);
  for (const k of keys) if (JSON.stringify(value[k]) !== JSON.stringify(base[k])) return true;
  return false;
}
