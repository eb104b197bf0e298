import { z } from 'zod';
import { compareDates, tryParseDate } from '../calendar/civil-date';
import type { StatedCitation } from '../citation';

/**
 * Citizen ID numbers (公民身份号码) per GB 11643-1999: 6-digit region code, 8-digit birth date, 3-digit sequence
 * (odd = male, even = female), check character by ISO 7064 MOD 11-2. The 15-digit first-generation numbers are
 * no longer valid documents (first-generation cards stopped being valid on 2013-01-01).
 */
export const ID_NUMBER_RULES = {
  /** Our sanity bound, not the standard's. */
  minBirthYear: 1800,
  citation: { doc: 'GB11643-1999', clause: '4 号码的结构；附录A 校验码计算', verified: false } satisfies StatedCitation,
  legacy15Citation: {
    doc: 'outside-source',
    clause: '第一代居民身份证自2013年1月1日起停止使用（公安部公告）',
    verified: false,
  } satisfies StatedCitation,
};

/** First two digits of GB/T 2260 province-level codes, plus 81/82/83 used by HK/Macau/Taiwan residence permits. */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberFailure =
  | 'ID_EMPTY'
  | 'ID_LEGACY_15'
  | 'ID_LENGTH'
  | 'ID_FORMAT'
  | 'ID_REGION'
  | 'ID_BIRTH_DATE'
  | 'ID_BIRTH_FUTURE'
  | 'ID_CHECKSUM';

export const ID_NUMBER_MESSAGES: Record<IdNumberFailure, string> = {
  ID_EMPTY: '请输入身份证号码',
  ID_LEGACY_15: '15位身份证号码已停止使用，请填写18位居民身份证号码',
  ID_LENGTH: '身份证号码应为18位',
  ID_FORMAT: '身份证号码前17位应为数字，最后一位为数字或X',
  ID_REGION: '身份证号码的行政区划代码无效',
  ID_BIRTH_DATE: '身份证号码中的出生日期无效',
  ID_BIRTH_FUTURE: '身份证号码中的出生日期晚于当前日期',
  ID_CHECKSUM: '身份证号码校验位不正确，请核对',
};

export type ParsedIdNumber =
  | {
      valid: true;
      /** Normalised: upper-case X. */
      idNumber: string;
      birthDate: string;
      sex: 'male' | 'female';
      regionCode: string;
    }
  | { valid: false; code: IdNumberFailure; reason: string };

/** The GB 11643 check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

const fail = (code: IdNumberFailure): ParsedIdNumber => ({ valid: false, code, reason: ID_NUMBER_MESSAGES[code] });

/**
 * Parses and validates an 18-character ID number (lower-case x accepted). With `on` (a Beijing date), a birth date
 * after it is rejected; without it the future check is skipped (pure code has no clock).
 */
export function parseIdNumber(id: string, options: { on?: string } = {}): ParsedIdNumber {
  if (typeof id !== 'string' || id.length === 0) return fail('ID_EMPTY');
  if (/^\d{15}$/.test(id)) return fail('ID_LEGACY_15');
  if (id.length !== 18) return fail('ID_LENGTH');
  const normalised = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalised)) return fail('ID_FORMAT');
  if (!PROVINCE_CODES.has(normalised.slice(0, 2))) return fail('ID_REGION');
  const birthDate = `${normalised.slice(6, 10)}-${normalised.slice(10, 12)}-${normalised.slice(12, 14)}`;
  // Years before 1800 cannot be a living person's (GB 11643's own example is born 1880).
  if (!tryParseDate(birthDate) || Number(birthDate.slice(0, 4)) < ID_NUMBER_RULES.minBirthYear)
    return fail('ID_BIRTH_DATE');
  if (options.on !== undefined && compareDates(birthDate, options.on) > 0) return fail('ID_BIRTH_FUTURE');
  if (idCheckCharacter(normalised) !== normalised[17]) return fail('ID_CHECKSUM');
  return {
    valid: true,
    idNumber: normalised,
    birthDate,
    sex: Number(normalised[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: normalised.slice(0, 6),
  };
}

// Masking lives in ./masking (no zod): the home page shows a masked number without loading the schema library.
export { ID_MASK, maskDocumentNumber, maskIdNumber, maskName, maskPhone } from './masking';

/** Mainland mobile numbers: 11 digits, 1 then 3–9 (the MIIT numbering plan's mobile prefixes). */
const PHONE_RE = /^1[3-9]\d{9}$/;

export function isValidPhone(phone: string): boolean {
  return typeof phone === 'string' && PHONE_RE.test(phone);
}

/**
 * Form schema (full GB 11643 check): trims, upper-cases x, validates everything except the future-date check (which needs a date:
 * use idNumberSchemaOn). Output is the normalised number.
 */
export const IdNumberSchema = idNumberSchemaWith({});

/** Like IdNumberSchema, also rejecting a birth date after Beijing date `on`. */
export function idNumberSchemaOn(on: string) {
  return idNumberSchemaWith({ on });
}

function idNumberSchemaWith(options: { on?: string }) {
  return z
    .string({ error: ID_NUMBER_MESSAGES.ID_EMPTY })
    .trim()
    .toUpperCase()
    .superRefine((value, ctx) => {
      const parsed = parseIdNumber(value, options);
      if (!parsed.valid) ctx.addIssue({ code: 'custom', message: parsed.reason, params: { code: parsed.code } });
    });
}

export const PHONE_MESSAGE = '请输入11位中国大陆手机号码';

/** Form schema for a mainland mobile number; spaces and hyphens typed by the user are removed first. */
export const PhoneSchema = z
  .string({ error: PHONE_MESSAGE })
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(PHONE_RE, PHONE_MESSAGE));
