/**
 * @jest-environment node
 */
// One look (issue 10): no pink anywhere (nutui's brand is red/pink) and no text or target below the sizes of each
// mode, checked on the theme's values and on every stylesheet of the client as Sass compiles it. Limits are the
// issue's literals: standard body/labels ≥ 16 px, secondary ≥ 14 px, targets ≥ 44 px; elder ≥ 18 px and ≥ 52 px.
import { readdirSync, statSync } from 'fs';
import path from 'path';
import { compile } from 'sass';
import { BRAND, nutuiTheme, themeTokens } from '../../src/theme/elder';

const SRC = path.resolve(__dirname, '../../src');

function scssFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return scssFiles(p);
    return p.endsWith('.scss') ? [p] : [];
  });
}

/** Hue (degrees), saturation and lightness (0–1, HSL) of #rgb / #rrggbb / rgb()/rgba(); null when not a colour. */
function hsl(colour: string): { h: number; s: number; l: number } | null {
  let rgb: number[];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour);
  if (hex) {
    const h =
      hex[1]!.length === 3
        ? hex[1]!
            .split('')
            .map((c) => c + c)
            .join('')
        : hex[1]!;
    rgb = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  } else {
    const fn = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i.exec(colour);
    if (!fn) return null;
    rgb = fn.slice(1, 4).map(Number);
  }
  const [r, g, b] = rgb.map((v) => v / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  let h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  h = (h * 60 + 360) % 360;
  return { h, s, l };
}

/**
 * Pink: a light or bright red-to-magenta (hue 300°–15°, saturated, lightness ≥ 0.5): nutui's #ff0f23 / #ff475d /
 * #ffadbe / #ffebf1 and light red tints. Dark reds for errors (#b3261e, lightness 0.41) are not pink.
 */
function isPink(colour: string): boolean {
  const c = hsl(colour);
  return !!c && (c.h >= 300 || c.h <= 15) && c.s >= 0.5 && c.l >= 0.5;
}

const COLOUR = /#[0-9a-f]{6}\b|#[0-9a-f]{3}\b|rgba?\([^)]*\)/gi;

describe('the pink detector itself', () => {
  it("finds nutui's brand colours and light red tints, and lets dark error reds and our blue pass", () => {
    for (const c of ['#ff0f23', '#ff475d', '#ffadbe', '#ffebf1', '#fdecea', 'rgba(250, 44, 25, 0.05)'])
      expect([c, isPink(c)]).toEqual([c, true]);
    for (const c of ['#b3261e', '#9b1c1c', '#1f6fd1', '#ffffff', '#fff8e8', '#0d2b55'])
      expect([c, isPink(c)]).toEqual([c, false]);
  });
});

describe('theme values (theme/elder.ts)', () => {
  it('standard mode: body and labels ≥ 16 px, secondary ≥ 14 px, targets ≥ 44 px; elder: ≥ 18 px and ≥ 52 px', () => {
    const standard = themeTokens(false);
    expect(standard.fontBase).toBeGreaterThanOrEqual(16);
    expect(standard.fontSmall).toBeGreaterThanOrEqual(14);
    expect(standard.touchMin).toBeGreaterThanOrEqual(44);
    const elder = themeTokens(true);
    for (const v of [elder.fontBase, elder.fontSmall, elder.fontLarge, elder.fontTitle])
      expect(v).toBeGreaterThanOrEqual(18);
    expect(elder.touchMin).toBeGreaterThanOrEqual(52);
  });

  it.each([
    { mode: 'standard', elder: false, minFont: 14, minTarget: 44 },
    { mode: 'elder', elder: true, minFont: 18, minTarget: 52 },
  ])(
    "nutui's variables in $mode mode: no font below $minFont px, no button, stepper or picker row below $minTarget px, no pink",
    ({ elder, minFont, minTarget }) => {
      const vars = nutuiTheme(elder, themeTokens(elder));
      expect(vars.nutuiColorPrimary).toBe(BRAND);
      for (const [name, value] of Object.entries(vars)) {
        for (const c of value.match(COLOUR) ?? []) expect([name, c, isPink(c)]).toEqual([name, c, false]);
        if (/FontSize/.test(name)) expect([name, parseFloat(value) >= minFont]).toEqual([name, true]);
        if (/^nutui(Button\w*Height|Inputnumber\w*(Height|Width)|PickerItemHeight)$/.test(name)) {
          expect([name, parseFloat(value) >= minTarget]).toEqual([name, true]);
        }
      }
      // Form labels (nutui: 12 px) and body text are body size, not secondary size.
      expect(parseFloat(vars.nutuiFormItemLabelFontSize!)).toBeGreaterThanOrEqual(elder ? 18 : 16);
      expect(parseFloat(vars.nutuiRadioLabelFontSize!)).toBeGreaterThanOrEqual(elder ? 18 : 16);
      expect(parseFloat(vars.nutuiFontSizeBase!)).toBeGreaterThanOrEqual(elder ? 18 : 16);
    },
  );
});

/** WCAG 2.x contrast ratio of two #rrggbb colours (relative luminance, sRGB). */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const channel = (i: number) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    const [r, g, bl] = [channel(1), channel(3), channel(5)];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('contrast of the theme’s text colours (WCAG AA: 4.5:1 for normal text)', () => {
  it('the contrast function itself: 21:1 black on white, 1:1 white on white, #1f6fd1 on #f2f3f5 < 4.5', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrast('#1f6fd1', '#f2f3f5')).toBeLessThan(4.5);
  });

  it.each([false, true])('elder=%s: chosen tab title on its bar, danger text, white on danger and on blue', (elder) => {
    const vars = nutuiTheme(elder, themeTokens(elder));
    const pairs: Array<[string, string, string]> = [
      ['chosen tab title on the tab bar', vars.nutuiTabsTitlesItemActiveColor!, vars.nutuiTabsTitlesBackgroundColor!],
      ['danger text (退回, outline) on white', vars.nutuiColorDanger!, '#ffffff'],
      ['white text on a danger button', '#ffffff', vars.nutuiColorDanger!],
      ['white text on a primary button', '#ffffff', vars.nutuiColorPrimary!],
      ['help text on white', vars.nutuiColorTextHelp!, '#ffffff'],
    ];
    for (const [what, fg, bg] of pairs) expect([what, fg, bg, contrast(fg, bg) >= 4.5]).toEqual([what, fg, bg, true]);
  });
});

describe('every stylesheet of the client, compiled', () => {
  const sheets = scssFiles(SRC).map((file) => ({ file: path.relative(SRC, file), css: compile(file).css }));

  it('finds the stylesheets', () => {
    expect(sheets.map((s) => s.file)).toEqual(expect.arrayContaining(['app.scss', 'packages/apply/common/flows.scss']));
  });

  it('uses no pink', () => {
    const pink = sheets.flatMap(({ file, css }) =>
      (css.match(COLOUR) ?? []).filter(isPink).map((c) => `${file}: ${c}`),
    );
    expect(pink).toEqual([]);
  });

  it('sizes text from the theme (var(--hz-font-…)), or at least 14 px on a 375 px phone (28 px on the 750 design)', () => {
    const small = sheets.flatMap(({ file, css }) =>
      [...css.matchAll(/font-size:\s*([^;}]+)/g)]
        .map((m) => m[1]!.trim())
        .filter(
          (v) => !/var\(--hz-font-/.test(v) && !(/^\d+(\.\d+)?px$/.test(v) && parseFloat(v) >= 28) && v !== 'inherit',
        )
        .map((v) => `${file}: font-size ${v}`),
    );
    expect(small).toEqual([]);
  });

  it('gives the shared controls the theme’s touch size', () => {
    const app = sheets.find((s) => s.file === 'app.scss')!.css;
    const rule = (selector: string) => {
      const start = app.indexOf(`${selector}`);
      expect([selector, start >= 0]).toEqual([selector, true]);
      return app.slice(start, app.indexOf('}', app.indexOf('{', start)));
    };
    for (const selector of [
      '.hz-link',
      '.hz-button',
      '.hz-field',
      '.hz-page .nut-button',
      '.hz-page .nut-radio,\n.hz-page .nut-checkbox',
    ]) {
      expect([selector, rule(selector)]).toEqual([selector, expect.stringContaining('min-height: var(--hz-touch-min')]);
    }
    expect(rule('.hz-page .nut-input-native,\n.hz-page .weui-input')).toContain('min-height: var(--hz-touch-min');
    // Long labels wrap in both modes, never an ellipsis.
    expect(rule('.hz-page .nut-form-item-label,\n.hz-page .nut-form-item-label-left')).toContain('white-space: normal');
  });
});
