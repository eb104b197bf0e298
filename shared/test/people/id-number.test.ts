import fc from 'fast-check';
import {
  parseIdNumber,
  maskIdNumber,
  maskPhone,
  isValidPhone,
  IdNumberSchema,
  idNumberSchemaOn,
  PhoneSchema,
  ID_NUMBER_MESSAGES,
} from '../../src/people';

// Independent check-digit computation for the tests (not the table the code uses): weight_i = 2^(17-i) mod 11,
// check = (12 - sum mod 11) mod 11, with 10 written as X (GB 11643-1999 appendix A).
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}
const withCheck = (first17: string) => first17 + referenceCheck(first17);

describe('parseIdNumber: published sample numbers', () => {
  test.each([
    // the GB 11643-1999 examples
    ['11010519491231002X', '1949-12-31', 'female', '110105'],
    ['440524188001010014', '1880-01-01', 'male', '440524'],
    ['11010519491231002x', '1949-12-31', 'female', '110105'], // lower-case x accepted
  ])('%s', (id, birthDate, sex, regionCode) => {
    expect(parseIdNumber(id)).toEqual({ valid: true, idNumber: id.toUpperCase(), birthDate, sex, regionCode });
  });

  test('the reference check digits agree with the published samples', () => {
    expect(withCheck('11010519491231002')).toBe('11010519491231002X');
    expect(withCheck('44052418800101001')).toBe('440524188001010014');
  });
});

describe('parseIdNumber: generated numbers', () => {
  const provinces = ['11', '31', '33', '44', '65', '81', '82', '83'];
  const digits = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
  const dayArb = fc
    .integer({ min: Date.UTC(1900, 0, 1) / 864e5, max: Date.UTC(2025, 11, 31) / 864e5 })
    .map((d) => new Date(d * 864e5).toISOString().slice(0, 10));
  const idArb = fc.record({ p: fc.constantFrom(...provinces), rest: digits(4), birth: dayArb, seq: digits(3) });

  test('any well-formed number with a correct check digit parses to its birth date and sex', () => {
    fc.assert(
      fc.property(idArb, ({ p, rest, birth, seq }) => {
        const id = withCheck(p + rest + birth.replace(/-/g, '') + seq);
        const r = parseIdNumber(id, { on: '2026-01-01' });
        return (
          r.valid &&
          r.birthDate === birth &&
          r.sex === (Number(seq[2]) % 2 ? 'male' : 'female') &&
          r.regionCode === p + rest
        );
      }),
    );
  });

  test('changing any single character breaks the check digit', () => {
    fc.assert(
      fc.property(
        idArb,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 9 }),
        ({ p, rest, birth, seq }, pos, delta) => {
          const id = withCheck(p + rest + birth.replace(/-/g, '') + seq);
          const chars = '0123456789X';
          const cur = chars.indexOf(id[pos] as string);
          const replacement = pos === 17 ? chars[(cur + delta) % 11] : String((Number(id[pos]) + delta) % 10);
          const changed = id.slice(0, pos) + replacement + id.slice(pos + 1);
          const r = parseIdNumber(changed);
          // A change may first hit another rule (region, date): any failure is fine, success is not.
          return !r.valid;
        },
      ),
    );
  });
});

describe('parseIdNumber: every failure mode, with a Chinese reason', () => {
  test.each([
    ['', 'ID_EMPTY'],
    ['110105491231002', 'ID_LEGACY_15'], // 15-digit first-generation number
    ['11010519491231002', 'ID_LENGTH'],
    ['11010519491231002XX', 'ID_LENGTH'],
    [' 11010519491231002X', 'ID_LENGTH'], // parse is strict; the form schema trims
    ['1101051949123100XX', 'ID_FORMAT'], // X only as the last character
    ['11010519491231002Y', 'ID_FORMAT'],
    ['１１010519491231002X', 'ID_FORMAT'], // full-width digits
    [withCheck('00010519491231002'), 'ID_REGION'],
    [withCheck('99010519491231002'), 'ID_REGION'],
    [withCheck('33010619900230001'), 'ID_BIRTH_DATE'], // 02-30
    [withCheck('33010619900229001'), 'ID_BIRTH_DATE'], // 1990 is not a leap year
    [withCheck('33010619901301001'), 'ID_BIRTH_DATE'], // month 13
    [withCheck('33010617991231001'), 'ID_BIRTH_DATE'], // before 1800: not a living person's
    ['110105194912310021', 'ID_CHECKSUM'],
    ['110105194912310020', 'ID_CHECKSUM'],
  ])('%j → %s', (id, code) => {
    const r = parseIdNumber(id);
    expect(r).toEqual({ valid: false, code, reason: ID_NUMBER_MESSAGES[code as keyof typeof ID_NUMBER_MESSAGES] });
    if (!r.valid) expect(r.reason).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('2000-02-29 is a real date', () => {
    expect(parseIdNumber(withCheck('33010620000229001'))).toMatchObject({ valid: true, birthDate: '2000-02-29' });
  });

  test('a birth date after the reference date is rejected only when a date is given', () => {
    const id = withCheck('33010620251002001');
    expect(parseIdNumber(id, { on: '2025-10-01' })).toMatchObject({ valid: false, code: 'ID_BIRTH_FUTURE' });
    expect(parseIdNumber(id, { on: '2025-10-02' })).toMatchObject({ valid: true, birthDate: '2025-10-02' });
    expect(parseIdNumber(id)).toMatchObject({ valid: true });
  });

  test('non-strings are rejected, not thrown on', () => {
    expect(parseIdNumber(undefined as unknown as string)).toMatchObject({ valid: false, code: 'ID_EMPTY' });
  });
});

describe('masking', () => {
  test.each([
    ['11010519491231002X', '110***********002X'],
    ['11010519491231002x', '110***********002X'],
    ['1234567', '*******'], // too short to show anything
    ['', ''],
  ])('maskIdNumber(%j) → %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  test('a masked ID never contains the birth date', () => {
    expect(maskIdNumber('11010519491231002X')).not.toContain('19491231');
    expect(maskIdNumber('11010519491231002X')).toHaveLength(18);
  });

  test.each([
    ['13812345678', '138****5678'],
    ['19912345678', '199****5678'],
    ['1381234', '*******'],
  ])('maskPhone(%s) → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe('phone numbers', () => {
  test.each([
    ['13812345678', true],
    ['19912345678', true],
    ['16612345678', true],
    ['12812345678', false], // 12x is not a mobile prefix
    ['23812345678', false],
    ['1381234567', false],
    ['138123456789', false],
    ['+8613812345678', false],
    ['1381234567a', false],
  ])('isValidPhone(%s) → %s', (phone, ok) => {
    expect(isValidPhone(phone)).toBe(ok);
  });

  test('PhoneSchema removes spaces and hyphens and answers in Chinese', () => {
    expect(PhoneSchema.parse(' 138-1234-5678 ')).toBe('13812345678');
    const r = PhoneSchema.safeParse('12812345678');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('请输入11位中国大陆手机号码');
    expect(PhoneSchema.safeParse(13812345678).error?.issues[0]?.message).toBe('请输入11位中国大陆手机号码');
  });
});

describe('IdNumberSchema', () => {
  test('trims and upper-cases', () => {
    expect(IdNumberSchema.parse(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  test.each([
    ['110105194912310021', ID_NUMBER_MESSAGES.ID_CHECKSUM],
    ['110105491231002', ID_NUMBER_MESSAGES.ID_LEGACY_15],
    ['', ID_NUMBER_MESSAGES.ID_EMPTY],
  ])('%j is rejected with its Chinese reason', (id, message) => {
    const r = IdNumberSchema.safeParse(id);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([message]);
  });

  test('idNumberSchemaOn adds the future-date check', () => {
    const id = withCheck('33010620251002001');
    expect(idNumberSchemaOn('2025-10-02').safeParse(id).success).toBe(true);
    expect(idNumberSchemaOn('2025-10-01').safeParse(id).error?.issues[0]?.message).toBe(
      ID_NUMBER_MESSAGES.ID_BIRTH_FUTURE,
    );
  });
});
