// The shared api barrel the client validates forms with: every error code has a Chinese message and a sane status,
// claim schemas cover every indicator with the profile's own fields, validation messages name the field.
import {
  ACTION_INPUTS,
  CLAIM_VALUE_SCHEMAS,
  ClaimSchema,
  ERROR_CODES,
  INDICATORS,
  ProfileSchema,
  RECORD_INDICATORS,
  RecordsSchema,
  RegisterInput,
  describeIssues,
  parseZh,
} from '@hz-points/shared';
import { REGISTRY } from '../../src/functions/registry';

test('every error code has a Chinese message and a 4xx/5xx status; only INTERNAL and SERVICE_UNAVAILABLE are 5xx', () => {
  for (const [code, { status, message }] of Object.entries(ERROR_CODES)) {
    expect(message).toMatch(/[\u4e00-\u9fa5]/);
    expect(status).toBeGreaterThanOrEqual(400);
    if (status >= 500) expect(['INTERNAL', 'SERVICE_UNAVAILABLE']).toContain(code);
  }
});

test('every action of the domain functions has its input schema in ACTION_INPUTS, and the other way round', () => {
  for (const fn of ['accounts', 'files', 'applications', 'review', 'objections'] as const) {
    expect(Object.keys(REGISTRY[fn]!.actions).sort()).toEqual(Object.keys(ACTION_INPUTS[fn]).sort());
    for (const [action, def] of Object.entries(REGISTRY[fn]!.actions)) {
      expect(def.input).toBe((ACTION_INPUTS[fn] as Record<string, unknown>)[action]);
    }
  }
});

test('claim value schemas cover every indicator and use only profile fields', () => {
  expect(Object.keys(CLAIM_VALUE_SCHEMAS).sort()).toEqual(Object.keys(INDICATORS).sort());
  const profileFields = new Set([...Object.keys(ProfileSchema.shape), ...Object.keys(RecordsSchema.shape)]);
  let checked = 0;
  for (const [code, schema] of Object.entries(CLAIM_VALUE_SCHEMAS)) {
    for (const field of Object.keys((schema as any).shape ?? (schema as any).def?.in?.shape ?? {})) {
      expect(profileFields.has(field)).toBe(true);
      checked++;
      if (RECORD_INDICATORS.includes(code as any)) expect(Object.keys(RecordsSchema.shape)).toContain(field);
    }
  }
  expect(checked).toBeGreaterThanOrEqual(20);
  expect(ClaimSchema.safeParse({ indicator: 'age', value: { birthDate: '1990-01-01' }, evidence: [] }).success).toBe(
    false,
  );
  expect(ClaimSchema.safeParse({ indicator: 'rental', value: { rentalYears: 3 }, evidence: [] }).success).toBe(true);
  expect(
    ClaimSchema.safeParse({ indicator: 'rental', value: { rentalYears: 3, ownHome: true }, evidence: [] }).success,
  ).toBe(false);
});

test('validation messages name the field in Chinese', () => {
  const r = parseZh(RegisterInput, { name: '张三', idNumber: '110105194912310021', phone: '12' });
  expect(r.success).toBe(false);
  if (!r.success) expect(describeIssues(r.error)).toMatch(/^(身份证号码|手机号码)/);
  const extra = parseZh(RegisterInput, {
    name: '张三',
    idNumber: '11010519491231002X',
    phone: '13800000000',
    privacyConsent: { policyVersion: '2026-12-04', agreed: true },
    openid: 'x',
  });
  expect(extra.success).toBe(false);
  if (!extra.success) expect(describeIssues(extra.error)).toBe('不接受的字段：openid');
});
