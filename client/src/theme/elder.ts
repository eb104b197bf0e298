// 长辈模式 (适老化, MIIT 2021): text ≥ 18 px, line spacing ≥ 1.3 (we use 1.6), touch targets ≥ 52 px, contrast
// ≥ 4.5:1. The user's WeChat font scale (getAppBaseInfo().fontSizeScaleFactor) multiplies both modes.
import Taro from '@tarojs/taro';
import { createStore, useStore } from '../lib/store';
import { readPref, writePref } from '../lib/storage';

const ELDER_KEY = 'hz.elderMode';

/** The remembered choice (false when none). */
export function readElderPreference(): boolean {
  return readPref<boolean>(ELDER_KEY, false) === true;
}

export const elderModeStore = createStore<boolean>(readElderPreference());

export function setElderMode(on: boolean): void {
  elderModeStore.set(on);
  writePref(ELDER_KEY, on);
}

export function useElderMode(): [boolean, (on: boolean) => void] {
  return [useStore(elderModeStore), setElderMode];
}

/** WeChat's font scale (1 when unknown: H5, old base libraries). Clamped so a page stays usable. */
function systemFontScale(): number {
  // Read per render on purpose: it is a cheap synchronous call, and a user who changes WeChat's font size while the
  // app is alive sees the next page follow it.
  try {
    const info = (Taro.getAppBaseInfo?.() ?? {}) as { fontSizeScaleFactor?: number };
    const f = Number(info.fontSizeScaleFactor);
    return Number.isFinite(f) && f > 0 ? Math.min(Math.max(f, 1), 2) : 1;
  } catch {
    return 1;
  }
}

export interface ThemeTokens {
  fontBase: number;
  fontSmall: number;
  fontLarge: number;
  fontTitle: number;
  lineHeight: number;
  touchMin: number;
}

// Standard: body and labels ≥ 16 px, secondary text ≥ 14 px, targets ≥ 44 px. Elder (长辈版): everything ≥ 18 px,
// targets ≥ 52 px (issue 10).
export function themeTokens(elder: boolean, scale = 1): ThemeTokens {
  const base = elder
    ? { fontBase: 18, fontSmall: 18, fontLarge: 21, fontTitle: 24, lineHeight: 1.6, touchMin: 52 }
    : { fontBase: 16, fontSmall: 14, fontLarge: 18, fontTitle: 21, lineHeight: 1.5, touchMin: 44 };
  const s = (n: number) => Math.round(n * scale);
  return {
    fontBase: s(base.fontBase),
    fontSmall: s(base.fontSmall),
    fontLarge: s(base.fontLarge),
    fontTitle: s(base.fontTitle),
    lineHeight: base.lineHeight,
    touchMin: s(base.touchMin),
  };
}

/** CSS custom properties for our own styles (`var(--hz-font-base)` …). */
function cssVars(t: ThemeTokens): Record<string, string> {
  return {
    '--hz-font-base': `${t.fontBase}px`,
    '--hz-font-small': `${t.fontSmall}px`,
    '--hz-font-large': `${t.fontLarge}px`,
    '--hz-font-title': `${t.fontTitle}px`,
    '--hz-line-height': String(t.lineHeight),
    '--hz-touch-min': `${t.touchMin}px`,
  };
}

/** The product's one blue (navigation bar, buttons, chosen options); never nutui's red/pink brand. */
export const BRAND = '#1f6fd1';

// nutui variables (without the `nutui` prefix) set from one token, in both modes: nutui's defaults are 10–12 px
// labels and 20–32 px targets, and its brand colour is pink/red. Only those that do not already fall back to nutui's
// global sizes (FontSizeS … FontSizeXl) at the same token are listed (each name costs first-load bytes).
const FROM_BASE = [
  'FontSizeBase',
  'FormItemLabelFontSize',
  'RadioLabelFontSize',
  'RadioButtonFontSize',
  'CheckboxLabelFontSize',
  'CheckboxButtonFontSize',
  'ButtonSmallFontSize',
  'InputnumberInputFontSize',
  'ToastTextFontSize',
  'StepsBaseTitleFontSize',
];
const FROM_SMALL = ['FontSizeXxs', 'FontSizeXs', 'FontSizeS'];
const FROM_LARGE = ['FontSizeL', 'PickerItemTextFontSize'];
const FROM_TITLE = ['FontSizeXl'];
const FROM_TOUCH = [
  'ButtonDefaultHeight',
  'ButtonSmallHeight',
  'PickerItemHeight',
  'InputnumberButtonWidth',
  'InputnumberButtonHeight',
  'InputnumberInputHeight',
  'InputnumberInputWidth',
  'TabsTitlesHeight',
];

/** nutui theme variables (ConfigProvider `theme`), the same list in both modes, sized from the tokens. */
export function nutuiTheme(elder: boolean, t: ThemeTokens): Record<string, string> {
  const v: Record<string, string> = {
    nutuiColorPrimary: BRAND,
    nutuiColorPrimaryStop1: BRAND,
    nutuiColorPrimaryStop2: '#3b8af0',
    nutuiColorPrimaryIcon: BRAND,
    nutuiColorPrimaryLightPressed: '#e8f0fc',
    // A disabled primary button: grey-blue with dark text (nutui: white on pink).
    nutuiColorPrimaryDisabledSpecial: '#c5d3e8',
    nutuiColorPrimarySpecialdisabled: '#c5d3e8',
    nutuiButtonPrimaryDisabled: '#c5d3e8',
    // Errors and required marks: a dark red that keeps 4.5:1 on white (nutui's #ff0f23 is 3.9:1 and reads pink).
    nutuiColorDanger: '#b3261e',
    nutuiRadioButtonBackground: '#f7f8fa',
    // The chosen tab's title: our blue on the tab bar's grey is 4.45:1, short of 4.5:1; the darker blue (as on the
    // guide's tabs) keeps 7:1. The bar's grey is nutui's default, stated here so the contrast is checked on both.
    nutuiTabsTitlesItemActiveColor: '#0b4fa8',
    nutuiTabsTitlesBackgroundColor: '#f2f3f5',
    // nutui's help text and waiting-step marks (#888b94 on white, 3.4:1) fall short of 4.5:1.
    nutuiColorTextHelp: elder ? '#333333' : '#595e6b',
    nutuiStepsWaitIconColor: '#4b5563',
    nutuiStepsFinishIconColor: '#4b5563',
    nutuiStepsBaseHeadBackgroundColor: '#e5e7eb',
    nutuiStepsBaseHeadTextSize: `${t.fontSmall + 10}px`,
    nutuiLineHeightBase: String(t.lineHeight),
    nutuiCellLineHeight: String(t.lineHeight),
    nutuiButtonLargeHeight: `${t.touchMin + 4}px`,
    nutuiRadioIconFontSize: `${t.fontLarge + 3}px`,
    nutuiCheckboxIconFontSize: `${t.fontLarge + 3}px`,
    nutuiRadioButtonPadding: '8px 20px',
  };
  const put = (names: string[], value: number) => names.forEach((n) => (v[`nutui${n}`] = `${value}px`));
  put(FROM_BASE, t.fontBase);
  put(FROM_SMALL, t.fontSmall);
  put(FROM_LARGE, t.fontLarge);
  put(FROM_TITLE, t.fontTitle);
  put(FROM_TOUCH, t.touchMin);
  if (elder) v.nutuiColorText = v.nutuiColorTitle = '#000000';
  return v;
}

export function useTheme(): {
  elder: boolean;
  tokens: ThemeTokens;
  vars: Record<string, string>;
  nutui: Record<string, string>;
} {
  const [elder] = useElderMode();
  const tokens = themeTokens(elder, systemFontScale());
  return { elder, tokens, vars: cssVars(tokens), nutui: nutuiTheme(elder, tokens) };
}
