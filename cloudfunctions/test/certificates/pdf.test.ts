import { formatPoints, renderCertificatePdf } from '../../src/pdf/certificate';
import { certificateKeys, qrPayload, signCertificate } from '../../src/functions/certificates/signing';
import { sampleContent } from './content';
import { drawnGlyphs, pageText } from './pdf-inspect';

const content = sampleContent({
  serial: 'JF-2025-000007',
  name: '王小红',
  idMasked: '330106********002X',
  permitNo: '330100202300054321',
  items: [
    { code: 'age', name: '年龄', points: 30 },
    { code: 'education', name: '文化程度', points: 50 },
    { code: 'socialInsurance', name: '社会保险', points: 24.5 },
    { code: 'dishonesty', name: '失信记录', points: -40 },
  ],
});
const keys = certificateKeys('a-test-secret-of-enough-length');
const signature = signCertificate(content, keys);
const input = { content, signature, keyId: keys.keyId, qrText: qrPayload(content.serial, signature) };

describe('certificate PDF', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderCertificatePdf(input);
  });

  test('is one A4 page with the CJK subset embedded, well under 150 KB', () => {
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    expect(pdf.length).toBeLessThan(150 * 1024);
  });

  test('is deterministic: its dates come from the issue date, so the same input gives the same bytes', async () => {
    expect((await renderCertificatePdf(input)).equals(pdf)).toBe(true);
    // 2025-10-15 00:00 Beijing = 2025-10-14 16:00 UTC.
    expect(pdf.toString('latin1')).toContain('(D:20251014160000Z)');
    const other = await renderCertificatePdf({ ...input, content: { ...content, total: 65 } });
    expect(other.equals(pdf)).toBe(false);
  });

  test('stays on one A4 page with every indicator of the table listed', async () => {
    const items = Array.from({ length: 22 }, (_, k) => ({
      code: `i${k}`,
      name: `指标名称较长的一项积分指标第${k + 1}项（含说明）`,
      points: k - 3,
    }));
    const many = await renderCertificatePdf({
      ...input,
      content: { ...content, items, total: items.reduce((a, i) => a + i.points, 0) },
    });
    expect(many.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
  });

  test('points print without trailing zeros', () => {
    expect([formatPoints(30), formatPoints(24.5), formatPoints(-40), formatPoints(0.25)]).toEqual([
      '30',
      '24.5',
      '-40',
      '0.25',
    ]);
  });
});

let plain: Buffer;
beforeAll(async () => {
  plain = await renderCertificatePdf(input);
});

describe('names outside GB2312 print (堃 GBK, 䶮 Extension A, 𠇔 Extension B)', () => {
  const RARE = '王堃䶮𠇔';
  let rare: Buffer;
  beforeAll(async () => {
    rare = await renderCertificatePdf({ ...input, content: { ...content, name: RARE } });
  });

  test('each character is drawn with a real glyph of an embedded font, not .notdef', () => {
    const glyphs = drawnGlyphs(rare);
    expect(pageText(rare)).toContain(`姓名${RARE}公民身份号码`);
    for (const ch of ['堃', '䶮', '𠇔']) {
      const g = glyphs.find((x) => x.text === ch);
      expect(g).toBeDefined();
      // A font without the character yields glyph 0 (.notdef): CID 0, the empty box.
      expect(g!.cid).toBeGreaterThan(0);
      const notdef = glyphs.find((x) => x.font === g!.font && x.cid === 0);
      expect(g!.charstring.length).toBeGreaterThan(20);
      if (notdef) expect(g!.charstring.equals(notdef.charstring)).toBe(false);
    }
    // Both embedded fonts are the same typeface (Noto Sans CJK SC subsets).
    expect(new Set(glyphs.map((g) => g.font.split('+')[1]))).toEqual(new Set(['NotoSansCJKsc-Regular']));
  });

  test('a GB2312 name embeds only the main font (the names font is loaded only when needed)', () => {
    expect(new Set(drawnGlyphs(plain).map((g) => g.font)).size).toBe(1);
    expect(new Set(drawnGlyphs(rare).map((g) => g.font)).size).toBe(2);
  });
});

describe('a certificate no longer valid is stamped 已作废', () => {
  const notice =
    '该积分有效凭证（JF-2025-000007）已作废：积分已于2025年9月29日经异议答复重新核定，本凭证所载积分已被取代，请重新打印最新的积分有效凭证';

  test('the band names the reason and the page says 已作废 / 已被新凭证取代; a valid one says neither', async () => {
    const voided = await renderCertificatePdf({ ...input, voided: notice });
    const text = pageText(voided);
    expect(text).toContain(`【已作废】${notice}`);
    expect(text).toContain('已作废已被新凭证取代');
    expect(voided.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(pageText(plain)).not.toContain('已作废');
    expect(pageText(plain)).not.toContain('取代');
  });
});
