// Every name the registration schema accepts prints: the characters it allows (name-characters.ts) are exactly
// those the two embedded fonts have, and the schema counts characters by code point.
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { NAME_HAN_RUNS } from '../../../shared/src/api/name-characters';
import { NameSchema, PRIVACY_POLICY_VERSION, RegisterInput, unprintableNameCharacters } from '@hz-points/shared';
import { certificateFontPath, namesFontPath } from '../../src/pdf/certificate';

// fontkit is pdfkit's own font parser (the library that embeds these fonts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as { create(b: Buffer): { hasGlyphForCodePoint(cp: number): boolean } };

describe('the name characters and the fonts agree', () => {
  test('every Han character a name may contain has a glyph in the main or the names font', () => {
    const main = fontkit.create(readFileSync(certificateFontPath()));
    const names = fontkit.create(brotliDecompressSync(readFileSync(namesFontPath())));
    const missing: string[] = [];
    let count = 0;
    for (const run of NAME_HAN_RUNS.join(' ').split(' ')) {
      const [a, b] = run.split('-').map((h) => parseInt(h, 16));
      for (let cp = a!; cp <= (b ?? a!); cp++) {
        count++;
        if (!main.hasGlyphForCodePoint(cp) && !names.hasGlyphForCodePoint(cp)) missing.push(cp.toString(16));
      }
    }
    expect(missing).toEqual([]);
    // From the generated data's header: 29,868 characters (GB2312's 6,763 among them).
    expect(count).toBe(29868);
  });
});

describe('NameSchema', () => {
  test.each([
    ['王堃', 'GBK'],
    ['刘䶮', 'CJK Extension A'],
    ['张𠇔', 'CJK Extension B (a surrogate pair)'],
    ['王堃䶮𠇔', 'all three'],
    ['阿依古丽·买买提', 'with the middle dot'],
    ['𠇔'.repeat(20), '20 characters of Extension B (40 UTF-16 units)'],
  ])('accepts %s (%s)', (name) => {
    expect(NameSchema.safeParse(name)).toMatchObject({ success: true, data: name });
  });

  test('counts characters by code point: 1 or 21 Extension B characters are refused', () => {
    expect(NameSchema.safeParse('𠇔').success).toBe(false); // 2 UTF-16 units, 1 character
    expect(NameSchema.safeParse('𠇔'.repeat(21)).success).toBe(false);
  });

  test('a Han character the fonts lack is refused with a message naming it', () => {
    // U+2A6D6 (Extension B) is not in Noto Sans CJK SC.
    const rare = String.fromCodePoint(0x2a6d6);
    expect(unprintableNameCharacters(`王${rare}`)).toEqual([rare]);
    const r = NameSchema.safeParse(`王${rare}`);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual([expect.stringContaining(`“${rare}”暂未收录于本系统字库`)]);
    // A shape error keeps its own single message.
    expect(NameSchema.safeParse('王1').error!.issues.map((i) => i.message)).toEqual(['请填写与身份证件一致的姓名']);
  });

  test('RegisterInput takes such a name', () => {
    expect(
      RegisterInput.safeParse({
        name: '王堃䶮𠇔',
        idNumber: '11010519491231002X',
        phone: '13800000001',
        privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
      }).success,
    ).toBe(true);
  });
});
